package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code jobshell daemon --detach}: returns once the socket answers; SIGTERM to its pid stops it. */
class DetachIT extends SharedDistributionTestBase {

    @Test
    void badDaemonArgumentsAndAnUnusableRunDirectoryAreOneLine() throws Exception {
        Distribution.Run bogus = dist.run("daemon", "--bogus");
        assertEquals(1, bogus.exitCode());
        assertEquals(List.of("jobshell: error: daemon: unknown argument '--bogus' (see jobshell daemon --help)"),
                bogus.stderrLines());
        Distribution.Run help = dist.run("daemon", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().startsWith("usage: jobshell daemon [--detach]"), help.toString());
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        Path settings = dist.home().resolve("etc/jobshell.properties");
        Files.writeString(settings, "jobshell.run.dir=" + file.resolve("run") + "\n");
        try {
            Distribution.Run r = dist.run("daemon");
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals(1, r.stderrLines().size(), r.toString());
            assertTrue(r.stderr().startsWith("jobshell: error: cannot use the run directory " + file.resolve("run")),
                    r.toString());
        } finally {
            Files.delete(settings);
        }
    }

    @Test
    void aDaemonThatSeemsToRunButDoesNotAnswerLeavesTheCommandToTheOneShotPath() throws Exception {
        Path run = Files.createDirectories(dist.home().resolve("var/run"));
        // a socket nobody listens on (bound, then closed: its file stays), and a live pid: this test's
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(run.resolve("jobshell.sock")));
        }
        Files.writeString(run.resolve("jobshell.pid"), ProcessHandle.current().pid() + "\n");
        try {
            Distribution.Run r = dist.run("run", "-n", "2", "echo", "one-shot");
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(List.of("one-shot", "one-shot"), r.stdoutLines());
        } finally {
            Files.delete(run.resolve("jobshell.sock"));
            Files.delete(run.resolve("jobshell.pid"));
        }
    }

    @Test
    void aDetachedDaemonAnswersUntilSigtermAndASecondOneIsRefused() throws Exception {
        Distribution.Run start = dist.run("daemon", "--detach");
        assertEquals(0, start.exitCode(), start.toString());
        Path pidFile = dist.home().resolve("var/run/jobshell.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
        try {
            assertTrue(start.stderr().startsWith("jobshell daemon: started, pid " + pid + ", socket "), start.stderr());
            Distribution.Run second = dist.run("daemon");
            assertEquals(1, second.exitCode(), second.toString());
            assertEquals(List.of("jobshell: error: a daemon already answers on " + dist.home().resolve(
                    "var/run/jobshell.sock")), second.stderrLines());
            assertEquals(Long.toString(pid), Files.readString(pidFile).trim(), "the first daemon's pid file is kept");
            assertEquals(0, dist.run("jobs").exitCode(), "the detached daemon answers");
        } finally {
            daemon.ifPresent(ProcessHandle::destroy); // SIGTERM, by pid
            // gone before the next test, even after a failure here: its socket would be "already in use"
            RunningDaemon.await("the daemon to stop", 30, () -> daemon.map(p -> !p.isAlive()).orElse(true));
        }
        assertTrue(Files.readString(dist.home().resolve("var/log/daemon.log")).contains("jobshell daemon: stopped"));
        assertTrue(!Files.exists(pidFile), "the pid file is removed");
        assertEquals(1, dist.run("jobs").exitCode(), "no daemon any more: one-shot");
    }
}
