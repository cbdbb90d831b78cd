package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobshell.api.TaskState;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.Spawned;
import org.jobshell.core.stack.PluginCalls;
import org.jobshell.core.stack.Watchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task's state only moves forward, whatever order the launcher's threads report in. */
class TaskRecordTest {

    private final AtomicInteger completed = new AtomicInteger();
    private final Watchdog watchdog = new Watchdog(1_000, 0, 0);
    private final TaskRecord task = new TaskRecord(3, 0, new LaunchSpec(List.of("true"), new TaskEnvironment(new EnvironmentMap(Map.of())),
            Path.of("/tmp"), c -> { }), new TaskRecord.Owner() {
                @Override
                public void taskCompleted(TaskRecord t) {
                    completed.incrementAndGet();
                }

                @Override
                public void signal(List<Spawned> processes, int signal) {
                }

                @Override
                public PluginCalls calls() {
                    return new PluginCalls(watchdog);
                }
            });

    @AfterEach
    void closeWatchdog() {
        watchdog.close();
    }

    @Test
    void aTaskReapedBeforeItsSpawnReturnedStaysExited() {
        task.state(TaskState.EXEC);
        task.exited(ExitStatus.fromJdk(137));
        task.started(() -> 4242);
        assertEquals(TaskState.EXITED, task.state());
        assertEquals(4242, task.pid());
        assertEquals(9, task.signal());
        assertEquals("{\"localid\":0,\"rank\":3,\"state\":\"Exited\",\"pid\":4242,\"wait_status\":9,\"signaled\":9,"
                + "\"exitcode\":137,\"signal\":\"SIGKILL\",\"core_dumped\":false}", task.toJson().toString());
    }

    @Test
    void theShellHearsOnceBothStreamsEndedAndTheProcessExited() {
        task.state(TaskState.EXEC);
        task.started(() -> 1);
        task.eof(TaskStream.STDOUT);
        task.exited(ExitStatus.exited(0));
        assertEquals(0, completed.get());
        task.eof(TaskStream.STDERR);
        assertEquals(1, completed.get());
        assertEquals(0, task.waitStatus());
    }
}
