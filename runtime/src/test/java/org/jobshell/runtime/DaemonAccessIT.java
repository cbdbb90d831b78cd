package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may use the daemon: its socket is its user's (and root's) alone, the kernel's peer
 * credentials are checked even when the file permissions are loosened, and a job's output and
 * signals are its owner's only. The second user is {@code nobody}, through {@code setpriv} (the
 * tests run as root).
 */
class DaemonAccessIT extends SharedDistributionTestBase {

    private static final List<String> NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    @BeforeAll
    static void shareTheInstallation() throws Exception {
        assumeTrue("0".equals(sh("id -u")), "a second user needs setpriv, which needs root");
        for (Path p = dist.home(); p.startsWith(dir); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anotherUserIsRefusedByTheKernelsCredentialsEvenWhenThePermissionsAreLoosened() throws Exception {
        try (RunningDaemon daemon = RunningDaemon.start(dist)) {
            Distribution.Run denied = Distribution.Run.of(dist.shell(String.join(" ", NOBODY) + " $J jobs --json"));
            assertEquals(1, denied.exitCode(), "nobody cannot reach the socket, so runs one-shot: " + denied);
            assertTrue(denied.stderr().contains("jobs: no daemon answers"), denied.toString());
            Files.setPosixFilePermissions(daemon.socket().getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setPosixFilePermissions(daemon.socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
            Distribution.Run refused = Distribution.Run.of(dist.shell(String.join(" ", NOBODY) + " $J jobs"));
            assertEquals(1, refused.exitCode(), refused.toString());
            assertEquals(List.of("jobshell: error: user nobody may not use this daemon: it serves root only"),
                    refused.stderrLines());
            assertEquals(0, dist.run("jobs").exitCode(), "root is still served");
        }
    }

    @Test
    void aJobsOutputAndSignalsAreItsOwnersOnly() throws Exception {
        Path var = Files.createDirectories(dist.home().resolve("var"));
        assertEquals("", sh("chown -R 65534:65534 " + var));
        try (RunningDaemon daemon = RunningDaemon.start(dist, NOBODY)) {
            Distribution.Run submit = Distribution.Run.of(dist.shell(String.join(" ", NOBODY)
                    + " $J submit sh -c 'echo mine; sleep 30'"));
            assertEquals(0, submit.exitCode(), submit + daemon.log());
            String id = submit.stdout().trim();
            String belongs = "jobshell: error: job " + id + " belongs to nobody, not to root";
            assertEquals(List.of(belongs), dist.run("attach", id).stderrLines());
            assertEquals(List.of(belongs), dist.run("kill", id).stderrLines());
            assertEquals(List.of(belongs), dist.run("eventlog", id, "output").stderrLines());
            assertEquals(List.of(belongs), dist.run("call", id, "echo").stderrLines());
            assertTrue(dist.run("jobs").stdout().contains(id + "  nobody  running"), "but root sees it listed");
            Distribution.Run own = Distribution.Run.of(dist.shell(String.join(" ", NOBODY) + " $J kill -s KILL " + id));
            assertEquals(0, own.exitCode(), own.toString());
        } finally {
            sh("chown -R 0:0 " + var);
        }
    }

    private static String sh(String command) {
        try {
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
