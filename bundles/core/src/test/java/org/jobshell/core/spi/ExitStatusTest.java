package org.jobshell.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What users read about how a task ended. */
class ExitStatusTest {

    @Test
    void aSignalIsNamedAndACoreDumpSaid() {
        assertEquals("killed by SIGSEGV (core dumped)", ExitStatus.killed(11, true).describe());
        assertEquals("killed by SIGTERM", ExitStatus.killed(15, false).describe());
        assertEquals(143, ExitStatus.killed(15, false).exitCode());
        assertEquals(11 | 0x80, ExitStatus.killed(11, true).waitStatus());
    }

    @Test
    void anExitCodeIsNotASignal() {
        ExitStatus s = ExitStatus.exited(139);
        assertEquals("exited with 139", s.describe());
        assertEquals(0, s.signal());
        assertEquals(139 << 8, s.waitStatus());
    }

    @Test
    void realTimeAndUnknownSignalsHaveNamesToo() {
        assertEquals("SIGRTMIN", ExitStatus.signalName(34));
        assertEquals("SIGRTMIN+2", ExitStatus.signalName(36));
        assertEquals("signal 99", ExitStatus.signalName(99));
    }
}
