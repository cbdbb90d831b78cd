package org.jobshell.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FsdTest {

    @Test
    void durationsAreNumbersWithAnOptionalUnit() {
        assertEquals(30, Fsd.seconds("30s", 1));
        assertEquals(30, Fsd.seconds("30", 1));
        assertEquals(1800, Fsd.seconds("30", 60));
        assertEquals(5400, Fsd.seconds("1.5h", 1));
        assertEquals(30, Fsd.seconds(".5m", 1));
        assertEquals(172800, Fsd.seconds("2d", 1));
        assertEquals("not a Flux Standard Duration (N[smhd]): 5 min",
                assertThrows(IllegalArgumentException.class, () -> Fsd.seconds("5 min", 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fsd.seconds("-1s", 1));
        assertThrows(IllegalArgumentException.class, () -> Fsd.seconds("", 1));
    }

    @Test
    void theyAreShownInTheLargestWholeUnit() {
        assertEquals("2d", Fsd.format(172800));
        assertEquals("3h", Fsd.format(10800));
        assertEquals("10m", Fsd.format(600));
        assertEquals("90s", Fsd.format(90));
        assertEquals("1.5s", Fsd.format(1.5));
        assertEquals("0s", Fsd.format(0));
    }
}
