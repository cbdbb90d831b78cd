package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code kill -s} takes signals as users write them. */
class SignalNamesTest {

    @Test
    void namesWithOrWithoutSigAndNumbers() {
        assertEquals(15, SignalNames.parse("TERM"));
        assertEquals(10, SignalNames.parse("SIGUSR1"));
        assertEquals(12, SignalNames.parse("usr2"));
        assertEquals(9, SignalNames.parse("9"));
        assertEquals("bad signal 'NOPE': a name such as TERM or USR1, or a number from 1 to 64",
                assertThrows(UsageException.class, () -> SignalNames.parse("NOPE")).getMessage());
        assertThrows(UsageException.class, () -> SignalNames.parse("0"));
        assertThrows(UsageException.class, () -> SignalNames.parse("65"));
    }
}
