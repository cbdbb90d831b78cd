package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.Channel;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.jobshell.api.TaskStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Launch.inherit}: what the launcher can pass reaches the task at the number it returned, with
 * the access mode it was opened with; what it cannot pass is refused at the call; a descriptor that
 * is gone by the spawn fails the task's start, naming the task.
 */
class InheritTest extends JobHarnessTestBase {

    @TempDir
    Path dir;

    @Test
    void aFileOpenedForReadingIsReadByTheTask() throws Exception {
        Path file = Files.writeString(dir.resolve("in.txt"), "from the plugin\n");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            inheritInTaskExec(in);
            JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c", "cat <&$MY_FD"));
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals("from the plugin\n", harness.taskOutput(0, TaskStream.STDOUT));
        }
    }

    @Test
    void aFileOpenedForWritingIsAppendedToNeverTruncated() throws Exception {
        Path file = Files.writeString(dir.resolve("out.txt"), "kept\n");
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            inheritInTaskExec(out);
            JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c", "echo added >&$MY_FD"));
            assertEquals(0, r.exitCode(), r.stderr());
        }
        assertEquals("kept\nadded\n", Files.readString(file));
    }

    @Test
    void aSocketIsRefusedAtTheCallAndTheTaskStartsWithoutIt() throws Exception {
        try (SocketChannel socket = SocketChannel.open()) {
            inheritInTaskExec(socket);
            JobHarness.Result r = harness.run(jobspec(1, 1, "sh", "-c", "echo ${MY_FD:-none}"));
            assertEquals(0, r.exitCode());
            assertEquals("none\n", harness.taskOutput(0, TaskStream.STDOUT));
            assertEquals(List.of("jobshell[0]: ERROR: plugin 'fd': task.exec failed: IllegalArgumentException: the"
                    + " processbuilder launcher cannot pass a socket to a task (it reopens descriptors through /proc,"
                    + " which sockets refuse): pass a pipe, a file or a FIFO (bundle test.fd 1.0.0)"), r.errorLines());
        }
    }

    @Test
    void aDescriptorClosedBeforeTheSpawnFailsTheStartNamingTheTask() throws Exception {
        Pipe pipe = Pipe.open();
        harness.plugin("fd", 50, false, p -> p.handle("task.exec", (s, t, a) -> {
            s.currentTask().launch().inherit(pipe.sink());
            pipe.sink().close();
        }));
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        pipe.source().close();
        assertEquals(1, r.exitCode());
        assertEquals(List.of("jobshell[0]: FATAL: task 0 (host testhost): start failed: true: descriptor 3 for the"
                + " task was closed before the task started"), r.errorLines());
    }

    private void inheritInTaskExec(Channel channel) {
        harness.plugin("fd", 50, false, p -> p.handle("task.exec", (s, t, a) -> {
            int n = s.currentTask().launch().inherit(channel);
            s.currentTask().launch().environment().set("MY_FD", Integer.toString(n));
            assertTrue(n >= 3);
        }));
    }
}
