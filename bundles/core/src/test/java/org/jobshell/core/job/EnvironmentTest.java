package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The job environment and the tasks' environments over it: shared, not copied, so that a task costs
 * its own variables only; job changes reach the tasks not started, and a started task's environment
 * is fixed.
 */
class EnvironmentTest {

    private final EnvironmentMap job = new EnvironmentMap(Map.of("PATH", "/bin", "HOME", "/root"));
    private final TaskEnvironment task = linked();

    private TaskEnvironment linked() {
        TaskEnvironment t = new TaskEnvironment(job);
        job.link(t);
        return t;
    }

    @Test
    void aTaskSeesTheJobEnvironmentAndItsOwnVariables() {
        task.set("JOBSHELL_TASK_RANK", "3");
        task.unset("HOME");
        assertEquals(Map.of("PATH", "/bin", "JOBSHELL_TASK_RANK", "3"), task.toMap());
        assertNull(task.get("HOME"));
        assertEquals("/root", job.get("HOME"), "the task's unset stays the task's");
    }

    @Test
    void aJobChangeReachesTheTasksNotStartedAndOverridesTheirOwnValue() {
        TaskEnvironment other = linked();
        task.set("OMP_NUM_THREADS", "2");
        job.set("OMP_NUM_THREADS", "4");
        job.set("FROM_JOB", "yes");
        assertEquals("4", task.get("OMP_NUM_THREADS"));
        assertEquals("yes", other.get("FROM_JOB"));
        job.unset("PATH");
        assertNull(task.get("PATH"));
    }

    @Test
    void aStartedTaskKeepsTheEnvironmentOfItsStartAndRefusesChanges() {
        task.set("MINE", "1");
        task.freeze();
        job.set("LATER", "x");
        assertNull(task.get("LATER"));
        assertEquals(Map.of("PATH", "/bin", "HOME", "/root", "MINE", "1"), task.toMap());
        assertThrows(IllegalStateException.class, () -> task.set("MINE", "2"));
        assertThrows(IllegalStateException.class, () -> task.unset("MINE"));
    }

    @Test
    void tasksShareTheJobsVariablesInsteadOfCopyingThem() {
        TaskEnvironment other = linked();
        task.freeze();
        other.freeze();
        // both hold the job's one immutable map of that moment: no per-task copy of the environment
        assertSame(job.snapshot(), task.base());
        assertSame(task.base(), other.base());
    }
}
