package org.jobshell.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Job ids: increasing, and readable in f58 or decimal. */
class JobIdsTest {

    @Test
    void idsIncreaseAndRoundTrip() {
        JobIds ids = new JobIds(42);
        long a = ids.next();
        long b = ids.next();
        assertTrue(b > a);
        assertEquals(b, JobIds.parse(JobIds.toText(b)));
        assertEquals(b, JobIds.parse(Long.toString(b)));
        assertTrue(JobIds.toText(a).matches("f[1-9A-HJ-NP-Za-km-z]+"));
    }

    @Test
    void knownEncodings() {
        assertEquals("f1", JobIds.toText(0));
        assertEquals("f2", JobIds.toText(1));
        assertEquals("f21", JobIds.toText(58));
        assertThrows(IllegalArgumentException.class, () -> JobIds.parse("f0"));
    }
}
