package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code --output}, {@code --error} and option output's files (spec §8.1, §8.3, scenarios E42-E47). */
class OutputFilesIT extends SharedDistributionTestBase {

    /** Runs a job in its own empty directory, so that the files it writes are all there is. */
    private static Distribution.Run runIn(Path cwd, String... args) throws IOException {
        Files.createDirectories(cwd);
        return Distribution.Run.of(dist.start(pb -> pb.directory(cwd.toFile()), args));
    }

    private static Path jobsDir() {
        return dist.home().resolve("var/jobs");
    }

    private static List<String> files(Path cwd) throws IOException {
        try (Stream<Path> s = Files.list(cwd)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().collect(Collectors.toList());
    }

    @Test
    void eachTaskGetsTheFileItsTemplateNames() throws Exception {
        Path cwd = dir.resolve("per-task");
        // not -v: the shell's log lines go where stderr goes, into task 0's file (spec §8.3)
        Set<Path> before = JobRecord.jobs(jobsDir());
        Distribution.Run r = runIn(cwd, "run", "-n2", "--output=out.{{id}}.{{taskid}}", "echo", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        String id = JobRecord.newIn(jobsDir(), before).dir().getFileName().toString();
        assertEquals(List.of("out." + id + ".0", "out." + id + ".1"), files(cwd));
        for (String f : files(cwd)) {
            assertEquals(List.of("hi"), Files.readAllLines(cwd.resolve(f)));
        }
    }

    @Test
    void aSharedFileGetsEveryTasksLabelledLines() throws Exception {
        Path cwd = dir.resolve("shared");
        Distribution.Run r = runIn(cwd, "run", "-N2", "-n2", "--label-io", "--output=out7", "echo", "stdout:foo");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: stdout:foo", "1: stdout:foo"), lines(cwd.resolve("out7")));
    }

    @Test
    void stderrGoesWithStdoutUnlessKeptOnTheTerminal() throws Exception {
        Path cwd = dir.resolve("stderr");
        Distribution.Run r = runIn(cwd, "run", "--output=out2", "sh", "-c", "echo to-stderr >&2");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.stderr());
        assertEquals(List.of("to-stderr"), lines(cwd.resolve("out2")));

        Distribution.Run kvs = runIn(cwd, "run", "--output=out3", "-o", "output.stderr.type=kvs", "sh", "-c",
                "echo to-stdout; echo to-stderr >&2");
        assertEquals(List.of("to-stderr"), kvs.stderrLines());
        assertEquals(List.of("to-stdout"), lines(cwd.resolve("out3")));
    }

    @Test
    void theOutputEventlogSaysWhereStreamsWent() throws Exception {
        Path cwd = dir.resolve("redirect");
        Distribution.Run r = runIn(cwd, "run", "-v", "-n2", "--output=out20", "--error=err20", "true");
        assertEquals(0, r.exitCode(), r.toString());
        List<String> redirects = new ArrayList<>();
        for (JsonNode c : JobRecord.ofVerbose(r).contexts("output", "redirect")) {
            redirects.add(c.get("stream").asText() + " " + c.get("rank").asText() + " " + c.get("path").asText());
        }
        assertEquals(List.of("stdout [0-1] out20", "stderr [0-1] err20"), redirects);
    }

    @Test
    void appendModeKeepsEarlierJobsOutputAndTheDefaultTruncates() throws Exception {
        Path cwd = dir.resolve("append");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, runIn(cwd, "run", "--output=log", "-o", "output.mode=append", "echo", "job " + i)
                    .exitCode());
        }
        assertEquals(List.of("job 0", "job 1", "job 2"), Files.readAllLines(cwd.resolve("log")));
        assertEquals(0, runIn(cwd, "run", "--output=log", "echo", "alone").exitCode());
        assertEquals(List.of("alone"), Files.readAllLines(cwd.resolve("log")));
    }

    @Test
    void perNodeAndPerTaskFilesOnManyShells() throws Exception {
        Path cwd = dir.resolve("per-node");
        Distribution.Run r = runIn(cwd, "run", "-N4", "-n8", "--label-io", "--output=per-node.{{node.id}}", "echo",
                "x");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("per-node.0", "per-node.1", "per-node.2", "per-node.3"), files(cwd));
        assertEquals(List.of("2: x", "3: x"), lines(cwd.resolve("per-node.1")));

        Path tasks = dir.resolve("per-task-many");
        assertEquals(0, runIn(tasks, "run", "-N4", "-n8", "--output=per-task.{{task.id}}", "echo", "y").exitCode());
        assertEquals(8, files(tasks).size(), files(tasks).toString());
    }

    @Test
    void aFileThatCannotBeOpenedFailsTheJobBeforeAnyTaskInOneLine() throws Exception {
        Path cwd = dir.resolve("nosuchdir-test");
        Distribution.Run r = runIn(cwd, "run", "--output=/nosuchdir/output.{{task.id}}", "echo", "never");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: plugin 'output': shell.init failed: cannot open output file "
                + "/nosuchdir/output.0: No such file or directory (bundle " + bundle(r) + ")"), r.stderrLines());
    }

    @Test
    void aStartFailureIsInTheErrorFileToo() throws Exception {
        Path cwd = dir.resolve("start-failure");
        Distribution.Run r = runIn(cwd, "run", "--error=err", "/no/such/cmd");
        assertEquals(127, r.exitCode(), r.toString());
        assertTrue(Files.readString(cwd.resolve("err")).contains("FATAL: task 0 (host "), r.toString());
    }

    @Test
    void bigOutputsToFilesLoseNothingAndStayOutOfMemoryAndTheEventlog() throws Exception {
        Path cwd = dir.resolve("big");
        long bytes = 200L << 20;
        Files.createDirectories(cwd);
        Set<Path> before = JobRecord.jobs(jobsDir());
        // a 64 MB heap for 800 MB of output: output held in memory would run the container out of it
        Process p = dist.start(pb -> {
            pb.directory(cwd.toFile());
            pb.environment().put("JOBSHELL_JAVA_OPTS", "-Xmx64m");
        }, "run", "-n", "4", "--output=out.{{taskid}}", "sh", "-c",
                "yes \"line of task $JOBSHELL_TASK_RANK\" | head -c " + bytes);
        Distribution.Run r = Distribution.Run.of(p);
        assertEquals(0, r.exitCode(), r.toString());
        for (int t = 0; t < 4; t++) {
            Path out = cwd.resolve("out." + t);
            assertEquals(bytes, Files.size(out), out.toString());
            assertEquals(expectedDigest("line of task " + t + "\n", bytes), digest(out), out.toString());
        }
        long eventlog = Files.size(JobRecord.newIn(jobsDir(), before).dir().resolve("output.eventlog"));
        assertTrue(eventlog < 64 << 10, "output.eventlog grew to " + eventlog + " bytes");
    }

    private static String digest(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** @return the digest of {@code line} repeated up to {@code bytes} bytes, as yes | head -c writes it */
    private static String expectedDigest(String line, long bytes) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] l = line.getBytes(StandardCharsets.US_ASCII);
        long left = bytes;
        while (left > 0) {
            int n = (int) Math.min(l.length, left);
            md.update(l, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String bundle(Distribution.Run r) {
        return r.stderr().replaceAll("(?s).*\\(bundle ([^)]*)\\).*", "$1");
    }
}
