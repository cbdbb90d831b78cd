package org.jobshell.plugin.taskscomplete;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The leader calls shell.tasks-complete once, when the last shell finished, in whatever order they do. */
class OutstandingTest {

    @Test
    void onlyTheLastShellCompletesTheTasksAndOnlyOnce() {
        Outstanding o = new Outstanding();
        assertFalse(o.finished(2, 3));
        assertFalse(o.finished(0, 3));
        assertFalse(o.finished(2, 3));
        assertTrue(o.finished(1, 3));
        assertFalse(o.finished(1, 3));
    }

    @Test
    void aJobOfOneShellCompletesAtItsOwnFinish() {
        assertTrue(new Outstanding().finished(0, 1));
    }
}
