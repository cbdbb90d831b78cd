package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where task output goes when things go wrong: a reader that goes away or a terminal that fails
 * ends the job as a shell pipeline would; the output eventlog is bounded by output.limit and keeps
 * every byte it stores.
 */
class OutputIT extends SharedDistributionTestBase {

    /** The bound: {@code jobshell run -n 2 yes | head -1} returns within 2 s. */
    private static final long PROMPTLY_SECONDS = 2;
    private static final long ONE_MB = 1_000_000;

    @Test
    void aReaderThatGoesAwayEndsTheJobWith141AndOneLine() throws Exception {
        Path jobs = dist.home().resolve("var/jobs");
        long before = JobRecord.size(jobs);
        Process p = dist.start("run", "-n", "2", "yes");
        CompletableFuture<String> stderr = readAsync(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("y", out.readLine());
        out.close(); // what 'head -1' does after its line
        boolean ended = p.waitFor(PROMPTLY_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "jobshell did not end within " + PROMPTLY_SECONDS + " s of its reader going away");
        assertEquals(141, p.exitValue(), "128 + SIGPIPE, as 'yes' gets in 'yes | head -1'");
        assertEquals("jobshell[0]: FATAL: cannot write task output to stdout: Broken pipe\n", stderr.get());
        long grown = JobRecord.size(jobs) - before;
        assertTrue(grown < ONE_MB, "var/jobs grew by " + grown + " bytes");
    }

    @Test
    void aStderrReaderThatGoesAwayEndsTheJobAndTheRecordSaysWhy() throws Exception {
        Path jobs = dist.home().resolve("var/jobs");
        Set<Path> before = JobRecord.jobs(jobs);
        Process p = dist.start("run", "sh", "-c", "while :; do echo oops >&2; done");
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        assertEquals("oops", err.readLine());
        err.close();
        boolean ended = p.waitFor(PROMPTLY_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "jobshell did not end within " + PROMPTLY_SECONDS + " s of its stderr reader going away");
        assertEquals(141, p.exitValue());
        JobRecord job = JobRecord.newIn(jobs, before);
        assertEquals("cannot write task output to stderr: Broken pipe",
                job.contexts("exec", "exception").get(0).path("note").asText());
    }

    @Test
    void aFullTerminalFailsTheJob() {
        Distribution.Run r = Distribution.Run.of(
                dist.start(pb -> pb.redirectOutput(new File("/dev/full")), "run", "echo", "hi"));
        assertEquals(1, r.exitCode(), "as bash's 'echo hi > /dev/full'");
        assertEquals(List.of("jobshell[0]: FATAL: cannot write task output to stdout: No space left on device"),
                r.stderrLines());
    }

    @Test
    void theEventlogKeepsOutputLimitBytesOfAStreamAndTheTerminalEverything() {
        int total = 3 << 20;
        Distribution.Run r = dist.run("run", "-v", "-n", "2", "-o", "output.limit=1M", "sh", "-c",
                "if [ $JOBSHELL_TASK_RANK = 0 ]; then yes 0123456789abcde | head -c " + total + "; fi; echo bye >&2");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(total, r.stdout().length(), "the terminal got every byte");
        JobRecord job = JobRecord.ofVerbose(r);
        assertEquals(1 << 20, job.stored("stdout").length);
        assertEquals("bye\nbye\n", new String(job.stored("stderr"), StandardCharsets.UTF_8));
        assertEquals(2, job.eofs("stdout"));
        assertEquals(2, job.eofs("stderr"));
        List<String> warnings = r.stderrLines().stream().filter(l -> l.contains("WARN")).toList();
        assertEquals(List.of("jobshell[0]:  WARN: output: stdout will be truncated, 1M limit exceeded",
                "jobshell[0]:  WARN: output: stdout: 2097152 of 3145728 bytes truncated"), warnings);
    }

    @Test
    void aBadOutputLimitFailsTheJobNamingTheOption() {
        Distribution.Run r = dist.run("run", "-o", "output.limit=4G", "echo", "never");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(1, r.stderrLines().size(), r.stderr());
        assertEquals("jobshell[0]: FATAL: option output.limit: must be a size from 1 to 1G (bytes, or N[kKMG]), got "
                + "\"4G\" (plugin output)", r.stderrLines().get(0));
    }

    @Test
    void bytesThatAreNotUtf8AreStoredLosslessly() throws Exception {
        byte[] random = new byte[100_000];
        new Random(9).nextBytes(random);
        Path in = dir.resolve("random.bin");
        Path shown = dir.resolve("shown.bin");
        Files.write(in, random);
        Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.redirectOutput(shown.toFile()), "run", "-v",
                "cat", in.toString()));
        assertEquals(0, r.exitCode(), r.toString());
        assertArrayEquals(random, Files.readAllBytes(shown), "the terminal");
        assertArrayEquals(random, JobRecord.ofVerbose(r).stored("stdout"), "the output eventlog");
    }

    private static CompletableFuture<String> readAsync(Process p) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
