package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code jobshell run -t}: the job's time limit, and the {@code signal} builtin that warns its tasks
 * before it (spec §3.2, scenario F56). The tasks would sleep 30 s or more: a limit that did not act
 * would hold the test past the run's own limit.
 */
class TimeLimitIT extends SharedDistributionTestBase {

    private static Path jobs() {
        return dist.home().resolve("var/jobs");
    }

    /** @return stderr without the "Killed" a task's sh may print when its sleep is killed */
    private static List<String> stderr(Distribution.Run r) {
        return r.stderrLines().stream().filter(l -> !l.equals("Killed") && !l.startsWith("Terminated"))
                .collect(Collectors.toList());
    }

    @Test
    void aJobPastItsTimeLimitIsKilledAndExits142NamingTheLimit() throws Exception {
        Set<Path> before = JobRecord.jobs(jobs());
        Distribution.Run r = dist.run("run", "-n", "2", "-t", "2s", "sh", "-c", "echo started; sleep 30");
        assertEquals(142, r.exitCode(), r.toString());
        assertEquals(List.of("started", "started"), r.stdoutLines());
        assertEquals(List.of("jobshell[0]: FATAL: job exceeded its time limit of 2s"), stderr(r), r.toString());
        JobRecord job = JobRecord.newIn(jobs(), before);
        JsonNode exception = job.contexts("exec", "exception").get(0);
        assertEquals("timeout", exception.path("type").asText());
        assertEquals("job exceeded its time limit of 2s", exception.path("note").asText());
        JsonNode execution = new ObjectMapper().readTree(Files.readString(job.dir().resolve("R.json"))).path("execution");
        assertEquals(2.0, execution.path("expiration").asDouble() - execution.path("starttime").asDouble(), 0.001);
    }

    @Test
    void aJobWithinItsTimeLimitEndsAsUsual() {
        Distribution.Run r = dist.run("run", "-t", "10m", "echo", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("hi"), r.stdoutLines());
        assertEquals("", r.stderr());
    }

    @Test
    void signalSendsSigusr1BeforeTheLimitToEveryTaskOfEveryShell() {
        Distribution.Run r = dist.run("run", "-N", "2", "-n", "2", "-t", "5s", "-o", "signal.timeleft=4.5", "sleep", "30");
        assertEquals(138, r.exitCode(), r.toString()); // 128 + SIGUSR1: sleep dies of it, before the limit
        List<String> err = stderr(r);
        assertEquals(1, err.size(), r.toString());
        assertTrue(err.get(0).matches("jobshell\\[0\\]: signal: job will expire in [0-4]\\.\\ds, sending SIGUSR1 to job"),
                r.toString());
    }

    @Test
    void signalTakesAnotherSignalAndATaskMayCheckpointOnIt() {
        Distribution.Run usr2 = dist.run("run", "-t", "5s", "-o", "signal={\"signum\": 12, \"timeleft\": 4.5}", "sleep", "30");
        assertEquals(140, usr2.exitCode(), usr2.toString());
        // 2 s for sh to set its trap, under load too (a signal before it would kill sh: exit 138)
        Distribution.Run trap = dist.run("run", "-t", "1m", "-o", "signal.timeleft=58", "sh", "-c",
                "trap 'echo checkpoint; exit 0' USR1; sleep 30 & wait");
        assertEquals(0, trap.exitCode(), trap.toString());
        assertEquals(List.of("checkpoint"), trap.stdoutLines());
    }

    @Test
    void withoutATimeLimitSignalSaysItSendsNothing() {
        Distribution.Run r = dist.run("run", "-o", "signal", "echo", "hi");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("hi"), r.stdoutLines());
        assertEquals(List.of("jobshell[0]: signal: job has no expiration, SIGUSR1 will not be sent"), r.stderrLines());
    }

    @Test
    void badSignalOptionsFailTheJobBeforeAnyTask() {
        Distribution.Run r = dist.run("run", "-t", "1m", "-o", "signal.timeleft=soon", "echo", "started");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("", r.stdout());
        assertEquals(List.of("jobshell[0]: FATAL: option signal: signal.timeleft must be a number of seconds >= 0 "
                + "or a Flux Standard Duration, got \"soon\" (plugin signal)"), r.stderrLines());
    }
}
