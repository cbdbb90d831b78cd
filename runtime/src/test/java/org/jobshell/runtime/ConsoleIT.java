package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code jobshell console}: the daemon's Gogo console, its jobshell: commands and the standard ones. */
class ConsoleIT extends DaemonTestBase {


    /** The shell.init handlers of the builtins, in call order (ranking). */
    private static final String INIT_HANDLERS =
            "shell.init            tmpdir, files, pmi-simple, input, output, cpu-affinity, gpu-affinity, task-exit, rlimit, signal, oom, env-expand";

    @Test
    void jobshellPluginsShowsWhatTheCommandLineShows() {
        Distribution.Run console = dist.run("console", "-c", "jobshell:plugins");
        assertEquals(0, console.exitCode(), console.toString());
        assertEquals(dist.run("plugins").stdout(), console.stdout());
        assertTrue(console.stdout().matches("(?s).*\\ncpu-affinity +36 +active +org\\.jobshell\\.plugin\\.cpuaffinity +0\\.1"
                + "\\.0\\.\\S+ +shell\\.init,task\\.exec\\n.*"), console.stdout());
    }

    @Test
    void theTopicsAreListedWithTheirHandlersInCallOrder() {
        Distribution.Run topics = dist.run("console", "-c", "jobshell:topics");
        assertTrue(topics.stdoutLines().contains(INIT_HANDLERS), topics.toString());
    }

    @Test
    void theStandardCommandsKeepWorking() {
        Distribution.Run lb = dist.run("console", "-c", "lb");
        assertTrue(lb.stdout().matches("(?s).*\\|Active +\\| +1\\|jobshell core .*"), lb.toString());
        assertTrue(lb.stdout().contains("|Active     |    2|Apache Felix File Install"), lb.toString());
        Distribution.Run scr = dist.run("console", "-c", "scr:list");
        assertTrue(scr.stdout().contains("org.jobshell.core.job.JobServiceImpl in bundle"), scr.toString());
        Distribution.Run help = dist.run("console", "-c", "help jobshell:kill");
        assertTrue(help.stdout().contains("send a signal to every running task of a job"), help.toString());
    }

    @Test
    void aCommandThatFailsIsOneLineAndExitCodeOne() {
        Distribution.Run r = dist.run("console", "-c", "nope:nothing");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("console: Command not found: nope:nothing"), r.stderrLines());
        Distribution.Run job = dist.run("console", "-c", "jobshell:job fNotThere");
        assertEquals(1, job.exitCode(), job.toString());
        assertTrue(job.stderr().startsWith("console: job: no job fNotThere in this container"), job.toString());
    }

    @Test
    void theInteractiveConsoleReadsCommandLinesFromStandardInput() throws Exception {
        Path input = Files.writeString(dir.resolve("console-input"), "jobshell:topics\nlb\nexit\n");
        Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.redirectInput(input.toFile()), "console"));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains(INIT_HANDLERS), r.toString());
        assertTrue(r.stdout().contains("jobshell core"), r.toString());
        assertTrue(r.stdout().startsWith("jobshell> "), r.toString());
    }

    @Test
    void withoutADaemonThereIsNoConsoleAndNoEventsAndTheMessageSaysWhy() {
        Distribution.Run console = dist.run("console", "--local", "-c", "lb");
        assertEquals(1, console.exitCode(), console.toString());
        assertEquals(1, console.stderrLines().size(), console.toString());
        assertTrue(console.stderr().startsWith("jobshell: error: console: this container has no console"), console.stderr());
        Distribution.Run events = dist.run("--local", "events");
        assertEquals(List.of("jobshell: error: events: no daemon answers: the events are the daemon's (start one with"
                + " 'jobshell daemon --detach')"), events.stderrLines());
    }
}
