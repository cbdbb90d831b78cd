package org.jobshell.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a process may read its terminal, from its {@code /proc/PID/stat}. */
class ForegroundInputTest {

    @Test
    void aProcessInTheTerminalsForegroundGroupReadsIt() {
        assertTrue(ForegroundInput.inForeground("4242 (java) S 4200 4242 4100 34817 4242 4194560 0 0"));
    }

    @Test
    void aProcessInAnotherGroupThanTheForegroundOneWaits() {
        assertFalse(ForegroundInput.inForeground("4242 (java) S 4200 4242 4100 34817 4100 4194560 0 0"));
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesIsSkippedWhole() {
        assertFalse(ForegroundInput.inForeground("4242 (a) b (c) S 4200 4242 4100 34817 4100 4194560 0 0"));
    }

    @Test
    void withoutAControllingTerminalThereIsNothingToWaitFor() {
        assertTrue(ForegroundInput.inForeground("4242 (java) S 4200 4242 4242 0 -1 4194560 0 0"));
    }

    @Test
    void aDescriptorIsATerminalWhenItLinksToOne(@TempDir Path fd) throws Exception {
        assertTrue(ForegroundInput.isTerminal(Files.createSymbolicLink(fd.resolve("0"), Path.of("/dev/pts/7"))));
        assertTrue(ForegroundInput.isTerminal(Files.createSymbolicLink(fd.resolve("1"), Path.of("/dev/tty1"))));
        assertFalse(ForegroundInput.isTerminal(Files.createSymbolicLink(fd.resolve("2"), Path.of("pipe:[4711]"))));
        assertFalse(ForegroundInput.isTerminal(Files.createSymbolicLink(fd.resolve("3"), Path.of("/dev/null"))));
        assertFalse(ForegroundInput.isTerminal(fd.resolve("4")), "a closed descriptor");
    }
}
