package org.jobshell.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 29 hostlists. */
class HostlistTest {

    @Test
    void hostlistsExpandInOrder() {
        assertEquals(List.of("n01", "n02", "n07", "login"), Hostlist.expand("n[01-02,07],login"));
        assertEquals(List.of("a1b", "a2b"), Hostlist.expand("a[1-2]b"));
        assertEquals(List.of("h", "h"), Hostlist.expand("h,h"));
        assertEquals(List.of("fake3", "fake0"), Hostlist.expand("fake[3,0]"));
    }

    @Test
    void anUnbalancedBracketIsNamed() {
        assertEquals("bad hostlist 'fake[0-3': unbalanced '['",
                assertThrows(IllegalArgumentException.class, () -> Hostlist.expand("fake[0-3")).getMessage());
    }
}
