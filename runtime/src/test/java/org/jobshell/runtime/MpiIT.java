package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MPI programs through the pmi-simple builtin (spec §3.2, §5, §6.6): MPICH's ranks find each other
 * over {@code PMI_FD} (posix launcher) or {@code PMI_PORT} (ProcessBuilder, Java 17), on one shell or
 * several, in any task map; {@code MPI_Abort} ends the job; the {@code pmi} option turns PMI off or is
 * refused.
 */
class MpiIT extends SharedDistributionTestBase {

    private static Path hello;

    @BeforeAll
    static void compile() throws Exception {
        hello = MpiHello.compile(dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"-n 4", "-N 2 -n 4", "-N 2 -n 4 --taskmap=cyclic", "-N 3 -n 5"})
    void everyRankSeesTheWholeJobAndTheSum(String flags) {
        List<String> args = new java.util.ArrayList<>(List.of("run"));
        args.addAll(List.of(flags.split(" ")));
        args.add(hello.toString());
        Distribution.Run r = dist.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.toString());
        int size = Integer.parseInt(flags.substring(flags.indexOf("-n ") + 3).split(" ")[0]);
        assertEquals(MpiHello.output(size), MpiHello.sorted(r), r.toString());
        assertEquals("", r.stderr());
    }

    @Test
    void mpiAbortEndsTheWholeJobWithItsMessageInOneLineAndNoTaskLeft() {
        Distribution.Run r = dist.run("run", "-n", "4", hello.toString(), "abort");
        assertNotEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: PMI_Abort: task 3 aborted with exit code 3"),
                r.stderrLines().stream().filter(l -> l.startsWith("jobshell")).toList(), r.toString());
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains(hello.toString())), "a task is left running");
    }

    @Test
    void pmiOffStartsTasksWithoutPmiVariables() {
        Distribution.Run off = dist.run("run", "-n", "2", "-o", "pmi=off", "sh", "-c", "env | grep ^PMI_ || echo none");
        assertEquals(List.of("none", "none"), off.stdoutLines(), off.toString());
        Distribution.Run on = dist.run("run", "-n", "2", "sh", "-c", "echo $PMI_RANK/$PMI_SIZE");
        assertEquals(List.of("0/2", "1/2"), on.stdoutLines().stream().sorted().toList(), on.toString());
    }

    @Test
    void anUnknownPmiValueIsOneLineAndExit1() {
        Distribution.Run r = dist.run("run", "-o", "pmi=simple,bogus", "true");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell[0]: FATAL: option pmi: unknown value 'bogus' (known: simple, pmi1, pmi2, off)"
                + " (plugin pmi-simple)"), r.stderrLines());
    }

    /**
     * With {@code PMI_PORT} a process of another uid connects and is refused; the task itself is
     * answered. With {@code PMI_FD} nothing listens, and another uid cannot reach the task's descriptor.
     */
    @Test
    void onlyTheJobsOwnTasksCanTalkToItsPmiServer() {
        assumeTrue("root".equals(System.getProperty("user.name")) && MpiHello.onPath("setpriv"),
                "needs root and setpriv for a second uid");
        String script = "talk() { exec 3<>/dev/tcp/127.0.0.1/${PMI_PORT#*:} && echo \"cmd=initack pmiid=$PMI_ID\" >&3"
                + " && head -n 1 <&3; }\n"
                + "other() { setpriv --reuid=65534 --regid=65534 --clear-groups bash -c \"$1\" 2>/dev/null; }\n"
                + "if [ -n \"$PMI_PORT\" ]; then\n"
                + "  echo \"other uid: $(other \"$(declare -f talk); talk\")\"\n"
                + "  echo \"task: $(talk)\"\n"
                + "else\n"
                + "  echo \"other uid: $(other \"cat /proc/$$/fd/$PMI_FD\")\"\n"
                + "  echo \"task: $(readlink /proc/self/fd/$PMI_FD | cut -c1-7)\"\n"
                + "fi\n";
        Distribution.Run r = dist.run("run", "bash", "-c", script);
        assertEquals(0, r.exitCode(), r.toString());
        boolean port = TestJdk.launcher().equals("processbuilder");
        assertEquals(List.of("other uid: ", port ? "task: cmd=initack" : "task: socket:"), r.stdoutLines(), r.toString());
        if (port) {
            assertEquals(List.of("jobshell[0]:  WARN: pmi-simple: refused a PMI_PORT connection of uid 65534: not this "
                    + "job's user"), r.stderrLines());
        }
    }
}
