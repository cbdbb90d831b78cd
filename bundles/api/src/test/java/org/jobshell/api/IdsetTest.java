package org.jobshell.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 22 idsets. */
class IdsetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "0-3|0-3", "0,1,2,5|0-2,5", "[3-4,0]|0,3-4", "''|''", "7,7|7"})
    void decodeThenEncode(String text, String canonical) {
        assertEquals(canonical, Idset.encode(Idset.decode(text)));
    }

    @Test
    void badIdsetsNameThePart() {
        assertEquals("bad idset '3-1': range 3-1 is reversed",
                assertThrows(IllegalArgumentException.class, () -> Idset.decode("3-1")).getMessage());
        assertEquals("bad idset '1,x': 'x' is not an id or range",
                assertThrows(IllegalArgumentException.class, () -> Idset.decode("1,x")).getMessage());
    }
}
