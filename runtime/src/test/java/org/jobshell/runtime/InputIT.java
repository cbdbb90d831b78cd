package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The job's standard input (spec §8.4, scenarios E50-E51): to every task, some, or from a file. */
class InputIT extends SharedDistributionTestBase {

    private static List<String> sorted(Distribution.Run r) {
        return r.stdoutLines().stream().sorted().collect(Collectors.toList());
    }

    private static Distribution.Run shell(String script) {
        return Distribution.Run.of(dist.shell(script));
    }

    @Test
    void stdinReachesEveryTask() {
        Distribution.Run r = shell("echo hi | $J run -n 2 --label-io cat");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: hi", "1: hi"), sorted(r));
    }

    @Test
    void stdinReachesTheTasksOfEveryShell() {
        Distribution.Run r = shell("printf 'a\\nb\\n' | $J run -N 2 -n 4 --label-io cat");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: a", "0: b", "1: a", "1: b", "2: a", "2: b", "3: a", "3: b"), sorted(r));
    }

    @Test
    void stdinGoesOnlyToTheRanksAskedFor() {
        Distribution.Run r = shell("echo hi | $J run -n 3 --label-io --input=0,2 sh -c 'cat; echo done'");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: done", "0: hi", "1: done", "2: done", "2: hi"), sorted(r));
    }

    /**
     * {@code jobshell run app &} from an interactive shell, without a daemon: the container reads the
     * job's input only in the foreground of the terminal (it was stopped by SIGTTIN at once).
     */
    @Test
    void aJobInTheBackgroundOfATerminalIsNotStoppedForInput() throws Exception {
        Path out = dir.resolve("background.out");
        Process p = dist.interactive(InBackground.script("run --local", out), pb -> { });
        InBackground.assertDone(Distribution.Run.of(p), out);
    }

    @Test
    void everyTaskReadsAnInputFileFromItsStart() throws Exception {
        Path in = Files.writeString(dir.resolve("input.txt"), "foo\ndoh\n");
        Distribution.Run r = dist.run("run", "-n", "2", "--label-io", "--input=" + in, "cat");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("0: doh", "0: foo", "1: doh", "1: foo"), sorted(r));
    }

    @Test
    void endOfInputReachesEveryTask() {
        Distribution.Run r = shell("$J run -N 2 -n 4 cat < /dev/null && echo ended");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("ended"), r.stdoutLines());
    }

    @Test
    void muchInputArrivesWholeAtEveryTaskEvenWhenOneDoesNotRead() throws Exception {
        byte[] data = new byte[20 << 20];
        new Random(7).nextBytes(data);
        Path in = Files.write(dir.resolve("random.bin"), data);
        Path cwd = Files.createDirectories(dir.resolve("much-input"));
        Distribution.Run r = Distribution.Run.of(dist.start(pb -> pb.directory(cwd.toFile())
                .redirectInput(in.toFile()), "run", "-n", "3", "sh", "-c",
                "test $JOBSHELL_TASK_RANK = 1 && exit 0; cat > copy.$JOBSHELL_TASK_RANK"));
        assertEquals(0, r.exitCode(), r.toString());
        assertArrayEquals(data, Files.readAllBytes(cwd.resolve("copy.0")));
        assertArrayEquals(data, Files.readAllBytes(cwd.resolve("copy.2")));
    }

    @Test
    void badInputSettingsFailTheJobInOneLine() {
        Distribution.Run missing = dist.run("run", "--input=/no/such/input", "cat");
        assertEquals(1, missing.exitCode(), missing.toString());
        assertEquals(1, missing.stderrLines().size(), missing.toString());
        assertTrue(missing.stderrLines().get(0).startsWith("jobshell[0]: FATAL: plugin 'input': shell.init failed: "
                + "cannot open input file /no/such/input: No such file or directory"), missing.stderr());

        Distribution.Run noPath = dist.run("run", "-o", "input.stdin.type=file", "cat");
        assertEquals(1, noPath.exitCode(), noPath.toString());
        assertTrue(noPath.stderr().contains("option input.stdin.path: required with input.stdin.type=file"),
                noPath.stderr());

        Distribution.Run badType = dist.run("run", "-o", "input.stdin.type=foobar", "cat");
        assertEquals(List.of("jobshell[0]: FATAL: option input.stdin.type: must be one of service, file, got "
                + "\"foobar\" (plugin input)"), badType.stderrLines());
    }
}
