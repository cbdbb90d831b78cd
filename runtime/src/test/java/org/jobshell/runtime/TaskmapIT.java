package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --taskmap}: which shell runs which tasks (spec §7, scenarios C29-C33), as users see it. */
class TaskmapIT extends SharedDistributionTestBase {

    /** @return "task:shell" for every task of the job, sorted by task rank */
    private static String placement(Distribution.Run r) {
        TreeMap<Integer, String> byTask = new TreeMap<>();
        for (String line : r.stdoutLines()) {
            String[] f = line.split(" ");
            byTask.put(Integer.parseInt(f[0]), f[0] + ":" + f[1]);
        }
        return String.join(" ", byTask.values());
    }

    private static Distribution.Run run(String... args) {
        return dist.run(args);
    }

    private static String[] job(int shells, int tasks, String taskmap) {
        return new String[] {"run", "-v", "-N", Integer.toString(shells), "-n", Integer.toString(tasks),
            "--taskmap=" + taskmap, "sh", "-c", "echo $JOBSHELL_TASK_RANK $JOBSHELL_SHELL_RANK"};
    }

    @ParameterizedTest(name = "--taskmap={0}")
    @CsvSource(delimiter = '|', value = {
        "block|[[0,4,4,1]]|0:0 1:0 2:0 3:0 4:1 5:1 6:1 7:1 8:2 9:2 10:2 11:2 12:3 13:3 14:3 15:3",
        "cyclic|[[0,4,1,4]]|0:0 1:1 2:2 3:3 4:0 5:1 6:2 7:3 8:0 9:1 10:2 11:3 12:0 13:1 14:2 15:3",
        "cyclic:2|[[0,4,2,2]]|0:0 1:0 2:1 3:1 4:2 5:2 6:3 7:3 8:0 9:0 10:1 11:1 12:2 13:2 14:3 15:3",
        "cyclic:3|[[0,4,3,1],[0,4,1,1]]|0:0 1:0 2:0 3:1 4:1 5:1 6:2 7:2 8:2 9:3 10:3 11:3 12:0 13:1 14:2 15:3",
    })
    void eachSchemePlacesTasksAsItsMapSaysAndTheRecordKeepsTheMap(String scheme, String map, String placed) {
        Distribution.Run r = run(job(4, 16, scheme));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(placed, placement(r));
        JobRecord job = JobRecord.ofVerbose(r);
        assertEquals("{\"version\":1,\"map\":" + map + "}",
                job.contexts("exec", "shell.start").get(0).get("taskmap").toString());
        assertEquals(4, job.contexts("exec", "shell.init").get(0).get("size").asInt());
    }

    @Test
    void aManualMapMayGiveAShellMoreTasks() {
        Distribution.Run r = run(job(4, 6, "manual:[[0,1,3,1],[1,3,1,1]]"));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("0:0 1:0 2:0 3:1 4:2 5:3", placement(r));
    }

    @Test
    void tasksFindTheMapInTheirEnvironment() {
        Distribution.Run r = run("run", "-N", "2", "-n", "4", "--taskmap=cyclic", "printenv", "JOBSHELL_TASKMAP");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("{\"version\":1,\"map\":[[0,2,1,2]]}"), r.stdoutLines().stream().distinct()
                .collect(Collectors.toList()));
    }

    @Test
    void aHostfileOfThisHostPlacesEveryTaskOnItsShell() throws Exception {
        String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        Path hosts = Files.writeString(dir.resolve("hosts"), host + "\n\n" + host + "\n");
        Distribution.Run r = run(job(1, 3, "hostfile:" + hosts));
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("0:0 1:0 2:0", placement(r));
    }

    @ParameterizedTest(name = "--taskmap={0}")
    @CsvSource(delimiter = '|', value = {
        "block:oops|block taskmap does not accept a value \\(got oops\\)",
        "cyclic:0|plugin 'taskmap.cyclic': taskmap.cyclic failed: invalid cyclic stride: 0 \\(bundle .*\\)",
        "cyclic:foo|plugin 'taskmap.cyclic': taskmap.cyclic failed: invalid cyclic stride: foo \\(bundle .*\\)",
        "foo|failed to map tasks with scheme=foo: no plugin handles taskmap.foo",
        "manual:[]|taskmap scheme=manual: the task map is empty \\(unknown\\)",
        "manual:[[1,3,4,1]]|taskmap scheme=manual: got 12 total tasks, expected 16",
        "manual:[[0,3,4,1],[3,1,4,1],[0,1,1,1]]|taskmap scheme=manual: got 17 total tasks, expected 16",
        "hostfile:/no/such/file|plugin 'taskmap.hostfile': taskmap.hostfile failed: hostfile /no/such/file: "
            + "No such file or directory \\(bundle .*\\)",
    })
    void aBadMapFailsTheJobBeforeAnyTaskStartsInOneLine(String scheme, String message) {
        Distribution.Run r = run("run", "-N", "4", "-n", "16", "--taskmap=" + scheme, "echo", "started");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(1, r.stderrLines().size(), r.toString());
        assertTrue(r.stderrLines().get(0).matches("jobshell\\[\\d\\]: FATAL: " + message), r.stderr());
    }

    @Test
    void anUnknownHostFailsTheJobNamingIt() throws Exception {
        Path hosts = Files.writeString(dir.resolve("foo-hosts"), "foo[0-3]\n");
        Distribution.Run r = run("run", "-n", "2", "--taskmap=hostfile:" + hosts, "true");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("host foo0 not found in job nodelist"), r.stderr());
    }
}
