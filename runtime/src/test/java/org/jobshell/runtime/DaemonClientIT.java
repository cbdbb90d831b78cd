package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What both clients of the daemon do alike, the native one ({@code lib/jobshell-client}, where the
 * build made it) and the Java one ({@code JOBSHELL_CLIENT=java}): a job's standard input is the
 * client's, whole, read only when the job reads it; the environment goes as the JVM would decode it.
 * (A socket nobody serves any more: {@code DetachIT}, which runs with each client.)
 */
class DaemonClientIT extends DaemonTestBase {

    @Test
    void theNativeClientIsBuiltWhereACompilerIs() {
        assertEquals(Files.isExecutable(Path.of("/usr/bin/cc")), Files.isExecutable(dist.home().resolve("lib/jobshell-client")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "java"})
    void theClientsStandardInputReachesEveryTask(String client) {
        Distribution.Run run = withInput(dist.start(pb -> {
            choose(pb, client);
            pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        }, "run", "-n", "2", "--label-io", "cat"), "hi\nthere\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("0: hi", "0: there", "1: hi", "1: there"), run.stdoutLines().stream().sorted().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "java"})
    void megabytesOfInputArriveWhole(String client) throws Exception {
        byte[] data = new byte[5 << 20];
        new Random(42).nextBytes(data);
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        Distribution.Run run = withInput(dist.start(pb -> {
            choose(pb, client);
            pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        }, "run", "-n", "2", "--label-io", "md5sum"), data);
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("0: " + sum + "  -", "1: " + sum + "  -"), run.stdoutLines().stream().sorted().toList());
    }

    @Test
    void aJobThatReadsNoInputEndsAlthoughTheClientsInputStaysOpen() {
        Process p = dist.start(pb -> pb.redirectInput(ProcessBuilder.Redirect.PIPE), "run", "-n", "2", "echo", "done");
        Distribution.Run run = Distribution.Run.of(p); // stdin stays open until the process has ended
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("done", "done"), run.stdoutLines());
    }

    @Test
    void bytesThatAreNotUtf8InTheEnvironmentReachTheJobAsReplacementCharacters() {
        Distribution.Run run = Distribution.Run.of(dist.start(pb -> pb.environment().put("ODD", "a\u00ffb"),
                "run", "sh", "-c", "test -n \"$ODD\" && echo set"));
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(List.of("set"), run.stdoutLines());
    }

    /**
     * {@code jobshell run app &} from an interactive shell: neither client reads the terminal it is in
     * the background of (that would stop it with SIGTTIN, and the job's output with it); the job ends
     * and its output arrives.
     */
    @ParameterizedTest
    @ValueSource(strings = {"native", "java"})
    void aClientInTheBackgroundOfATerminalIsNotStoppedForInput(String client, @TempDir Path dir) throws Exception {
        assumeTrue(client.equals("java") || Files.isExecutable(dist.home().resolve("lib/jobshell-client")),
                "no native client was built");
        Path out = dir.resolve("out");
        Process p = dist.interactive(InBackground.script("run", out), pb -> choose(pb, client));
        Distribution.Run run = Distribution.Run.of(p);
        InBackground.assertDone(run, out);
    }

    private static void choose(ProcessBuilder pb, String client) {
        if (client.equals("java")) {
            pb.environment().put("JOBSHELL_CLIENT", "java");
        } else {
            pb.environment().remove("JOBSHELL_CLIENT");
        }
    }

    /** @return the run of a process that was given {@code input} on its stdin, then its end */
    private static Distribution.Run withInput(Process p, byte[] input) {
        CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Distribution.Run run = Distribution.Run.of(p);
        feed.join();
        return run;
    }
}
