package org.jobshell.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The line a shell shows for a log message (spec §8.3), the same on the terminal, in a file and in a replay. */
class LogLevelTest {

    @Test
    void aLineNamesTheShellTheLevelAndThePlugin() {
        assertEquals("jobshell[1]: ERROR: signal: cannot signal\n", LogLevel.ERROR.line(1, "signal", "cannot signal"));
        assertEquals("jobshell[0]:  WARN: x\n", LogLevel.WARN.line(0, null, "x"));
    }

    @Test
    void aNoticeHasNoLevel() {
        assertEquals("jobshell[0]: cpu-affinity: bound\n", LogLevel.NOTICE.line(0, "cpu-affinity", "bound"));
    }

    @Test
    void aSeverityBetweenLevelsCountsAsTheNextMoreSevereOne() {
        assertEquals(LogLevel.ERROR, LogLevel.ofSeverity(1));
        assertEquals(LogLevel.TRACE, LogLevel.ofSeverity(99));
    }
}
