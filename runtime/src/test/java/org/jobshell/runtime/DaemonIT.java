package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Commands through the daemon behave as one-shot ones do, and the daemon survives whatever a client
 * does. One daemon for the class (the restart test starts its own after stopping it).
 */
class DaemonIT extends DaemonTestBase {

    private static final String[] JOB = {"-n", "3", "sh", "-c",
        "echo out $JOBSHELL_TASK_RANK; echo err $JOBSHELL_TASK_RANK >&2; exit $JOBSHELL_TASK_RANK"};

    @Test
    void theSocketIsTheDaemonUsersAlone() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket().getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.socket())));
        assertEquals(Long.toString(daemon.pid()), Files.readString(daemon.pidFile()).trim());
    }

    @Test
    void runThroughTheDaemonShowsWhatAOneShotRunShows() {
        Distribution.Run local = dist.run(concat(List.of("run", "--local"), JOB));
        Distribution.Run viaDaemon = dist.run(concat(List.of("run"), JOB));
        assertEquals(2, local.exitCode(), local.toString());
        assertEquals(local.exitCode(), viaDaemon.exitCode(), viaDaemon.toString());
        assertEquals(sorted(local.stdoutLines()), sorted(viaDaemon.stdoutLines()));
        assertEquals(sorted(local.stderrLines()), sorted(viaDaemon.stderrLines()));
        assertTrue(dist.run("jobs").stdout().matches("(?s).*\\nf\\S+ +root +finished +3 +\\S+ \\S+ +2 +sh -c echo.*"),
                dist.run("jobs").stdout());
    }

    @Test
    void onJdk25ClientsGetAnAotCacheMadeAsideAndStartFromIt() throws Exception {
        assumeFalse(TestJdk.home().isEmpty(), "which JDK bin/jobshell picks is not known here");
        int feature = TestJdk.featureVersion(Path.of(TestJdk.home()));
        String prefix = "aot-client-" + feature + "_"; // the distribution is shared by the runs on other JDKs
        Path cache = dist.home().resolve("var/cache");
        Distribution.Run first = javaClient("jobs");
        assertEquals(0, first.exitCode(), first.toString());
        if (feature < 25) {
            assertEquals(List.of(), aotFiles(cache, prefix), "no AOT cache before JDK 25");
            return;
        }
        RunningDaemon.await("the client's AOT cache", 60, () -> aotFiles(cache, prefix).size() == 1
                && aotFiles(cache, prefix).get(0).endsWith(".aot"));
        // named after the installation too: a copy of it (var/cache and all) trains its own
        String where = dist.home().toRealPath().toString().replace('/', '_');
        String named = "-" + where.substring(Math.max(0, where.length() - 80)) + ".aot";
        assertTrue(aotFiles(cache, prefix).get(0).endsWith(named), aotFiles(cache, prefix) + " ends with " + named);
        Distribution.Run local = dist.run(concat(List.of("run", "--local"), JOB));
        Distribution.Run fromCache = javaClient(concat(List.of("run"), JOB));
        assertEquals(local.exitCode(), fromCache.exitCode(), fromCache.toString());
        assertEquals(sorted(local.stdoutLines()), sorted(fromCache.stdoutLines()));
        assertEquals(sorted(local.stderrLines()), sorted(fromCache.stderrLines()));
    }

    /** Runs bin/jobshell with the Java client, whichever this run's client is (the AOT cache is its). */
    private static Distribution.Run javaClient(String... args) {
        return Distribution.Run.of(dist.start(pb -> pb.environment().put("JOBSHELL_CLIENT", "java"), args));
    }

    /** @return the client AOT files of one JDK in the cache, the lock and files still being written included */
    private static List<String> aotFiles(Path cache, String prefix) {
        try (var files = Files.list(cache)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void submitThenAttachGivesTheOutputAndExitCodeOfRunAlsoAfterTheJobEnded() {
        Distribution.Run run = dist.run(concat(List.of("run", "--label-io"), JOB));
        Distribution.Run submit = dist.run(concat(List.of("submit", "--label-io"), JOB));
        assertEquals(0, submit.exitCode(), submit.toString());
        String id = submit.stdout().trim();
        assertTrue(id.matches("f[1-9A-Za-z]+"), submit.stdout());
        Distribution.Run attach = dist.run("attach", id);
        Distribution.Run again = dist.run("attach", id);
        for (Distribution.Run a : List.of(attach, again)) {
            assertEquals(run.exitCode(), a.exitCode(), a.toString());
            assertEquals(sorted(run.stdoutLines()), sorted(a.stdoutLines()));
            assertEquals(sorted(run.stderrLines()), sorted(a.stderrLines()));
        }
        assertTrue(run.stdoutLines().contains("1: out 1"), run.toString());
    }

    @Test
    void aJobIsStillAttachableAfterTheDaemonRestartedAndAsOneShot() {
        Distribution.Run run = dist.run(concat(List.of("run"), JOB));
        String id = dist.run(concat(List.of("submit"), JOB)).stdout().trim();
        RunningDaemon.await("job " + id + " to finish", 30,
                () -> dist.run("jobs").stdout().contains(id + "  root   finished"));
        String running = dist.run("submit", "sh", "-c", "sleep 1; echo ended in time").stdout().trim();
        assertEquals(0, daemon.stop(), daemon.log());
        assertTrue(daemon.log().contains("jobshell daemon: letting 1 running job(s) end, for at most 10000 ms"),
                daemon.log());
        assertTrue(daemon.log().contains("jobshell daemon: stopped"), daemon.log());
        Distribution.Run ended = dist.run("attach", running);
        assertEquals(0, ended.exitCode(), "a job running at SIGTERM may end: " + ended);
        assertEquals(List.of("ended in time"), ended.stdoutLines());
        Distribution.Run oneShot = dist.run("attach", id);
        Distribution.Run records = dist.run("eventlog", id);
        assertTrue(records.stdout().contains("\"name\":\"complete\",\"context\":{\"status\":512,\"exitcode\":2}"),
                "the exec eventlog, without a daemon: " + records);
        daemon = RunningDaemon.start(dist);
        Distribution.Run restarted = dist.run("attach", id);
        for (Distribution.Run a : List.of(oneShot, restarted)) {
            assertEquals(run.exitCode(), a.exitCode(), a.toString());
            assertEquals(sorted(run.stdoutLines()), sorted(a.stdoutLines()));
            assertEquals(sorted(run.stderrLines()), sorted(a.stderrLines()));
        }
    }

    @Test
    void killSignalsTheTasksOfARunningJob() {
        String id = dist.run("submit", "sh", "-c", "trap 'echo got USR1; exit 7' USR1; while :; do sleep 0.05; done")
                .stdout().trim();
        RunningDaemon.await("the task to start", 30, () -> dist.run("eventlog", id).stdout().contains("shell.start"));
        Distribution.Run kill = dist.run("kill", "-s", "USR1", id);
        assertEquals(0, kill.exitCode(), kill.toString());
        Distribution.Run attach = dist.run("attach", id);
        assertEquals(7, attach.exitCode(), attach.toString());
        assertEquals(List.of("got USR1"), attach.stdoutLines());
        Distribution.Run again = dist.run("kill", id);
        assertEquals(List.of("jobshell: error: kill: job " + id + " has finished"), again.stderrLines());
        assertEquals(List.of("jobshell: error: bad signal 'NOPE': a name such as TERM or USR1, or a number from 1 to"
                + " 64"), dist.run("kill", "-s", "NOPE", id).stderrLines());
    }

    @Test
    void relativePathsAndTheTasksDirectoryAreTheClientsNotTheDaemons() throws Exception {
        Path here = Files.createDirectories(dir.resolve("client-dir"));
        Files.writeString(here.resolve("job.json"), ("{'version':1,'resources':[{'type':'slot','count':1,"
                + "'label':'task','with':[{'type':'core','count':1}]}],'tasks':[{'command':['pwd'],'slot':'task',"
                + "'count':{'per_slot':1}}],'attributes':{'system':{'duration':0}}}").replace('\'', '"'));
        Distribution.Run spec = Distribution.Run.of(dist.start(pb -> pb.directory(here.toFile()), "run", "--jobspec",
                "job.json"));
        assertEquals(List.of(here.toRealPath().toString()), spec.stdoutLines(), spec.toString());
        Distribution.Run cwd = Distribution.Run.of(dist.start(pb -> pb.directory(dir.toFile()), "run", "--cwd",
                "client-dir", "pwd"));
        assertEquals(List.of(here.toRealPath().toString()), cwd.stdoutLines(), cwd.toString());
    }

    @Test
    void sigtermToARunClientCancelsItsJobInTheDaemon() throws Exception {
        Process client = dist.start("run", "sh", "-c", "echo started; exec sleep 300");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream()))) {
            assertEquals("started", out.readLine());
            client.destroy(); // SIGTERM to bin/jobshell, the client
            assertTrue(client.waitFor(30, TimeUnit.SECONDS), "the client ends");
        }
        assertEquals(143, client.exitValue(), "the job was cancelled by the signal, as one-shot");
        assertTrue(dist.run("jobs").stdoutLines().stream().anyMatch(l -> l.matches("f\\S+ +root +finished +1 .* 143 "
                + "+sh -c echo started; exec sleep 300")), dist.run("jobs").stdout());
    }

    @Test
    void aReaderThatGoesAwayEndsTheJobAsInAPipeline() {
        Distribution.Run r = Distribution.Run.of(dist.shell("$J run yes | head -1; echo \"${PIPESTATUS[0]}\""));
        assertEquals(List.of("y", "141"), r.stdoutLines(), r.toString());
        RunningDaemon.await("the job to end", 30, () -> dist.run("jobs").stdoutLines().stream()
                .anyMatch(l -> l.matches("f\\S+ +root +finished +1 .* +yes")));
    }

    @Test
    void badInputOnTheSocketLeavesTheDaemonServing() throws Exception {
        try (RawClient garbage = new RawClient(daemon.socket())) {
            String reply = garbage.send("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).readAll();
            assertTrue(reply.startsWith("jobshell: error: bad request: bad frame length 1195725856 (1 to 1048576 bytes)"),
                    reply);
            assertTrue(reply.endsWith("exit 1"), reply);
        }
        try (RawClient oversized = new RawClient(daemon.socket())) {
            String reply = oversized.send(ByteBuffer.allocate(5).putInt(64 << 20).put((byte) 'R').array()).readAll();
            assertTrue(reply.contains("bad frame length 67108864"), reply);
        }
        try (RawClient notJson = new RawClient(daemon.socket())) {
            assertTrue(notJson.frame('R', "{nope").readAll().contains("bad request: the request is not JSON"));
        }
        try (RawClient wrongType = new RawClient(daemon.socket())) {
            assertTrue(wrongType.frame('Z', "x").readAll().contains("the first frame must be a request ('R')"));
        }
        try (RawClient version = new RawClient(daemon.socket())) {
            assertTrue(version.frame('R', "{\"version\":9}").readAll().contains("unsupported protocol version 9"));
        }
        try (RawClient unknown = new RawClient(daemon.socket())) {
            String reply = unknown.request("[\"frobnicate\"]").readAll();
            assertEquals("jobshell: error: unknown command 'frobnicate' (see jobshell --help)\nexit 1", reply);
        }
        try (RawClient halfFrame = new RawClient(daemon.socket())) {
            halfFrame.send(new byte[] {0, 0, 1, 0, 'R', '{'}).shutdownOutput();
            assertTrue(halfFrame.readAll().contains("bad request: the connection ended inside a frame"));
        }
        try (RawClient vanishing = new RawClient(daemon.socket())) {
            vanishing.request("[\"run\",\"sh\",\"-c\",\"sleep 0.3; echo late\"]");
        }
        Distribution.Run after = dist.run("run", "echo", "still serving");
        assertEquals(List.of("still serving"), after.stdoutLines(), after.toString());
        assertTrue(daemon.alive());
    }

    @Test
    void aClientThatDoesNotReadIsDroppedAndItsJobGoesOn() throws Exception {
        try (RawClient stalled = new RawClient(daemon.socket())) {
            stalled.request("[\"run\",\"-v\",\"sh\",\"-c\",\"head -c 30000000 /dev/zero | tr '\\\\\\\\0' x; echo\"]");
            RunningDaemon.await("the job to finish", 60, () -> dist.run("jobs").stdoutLines().stream()
                    .anyMatch(l -> l.matches("f\\S+ +root +finished +1 .* +0 +sh -c head -c 30000000.*")));
            Distribution.Run other = dist.run("run", "echo", "served meanwhile");
            assertEquals(List.of("served meanwhile"), other.stdoutLines());
        }
    }

    @Test
    void aPluginServiceOfARunningJobAnswersItsOwnerAndAfterTheEndTheErrorSaysSo() throws Exception {
        Path jar = dist.addPlugin("bundle.echo-service");
        try {
            HotDeployIT.awaitPlugins("echo-service +100 +active .*");
            Path gate = dir.resolve("service-gate");
            String id = dist.run("submit", "-N", "2", "sh", "-c", "while [ ! -e " + gate + " ]; do sleep 0.05; done")
                    .stdout().trim();
            RunningDaemon.await("the shells to start", 30, () -> dist.run("eventlog", id).stdout().contains("shell.start"));
            Distribution.Run leader = dist.run("call", id, "echo", "{\"x\":1}");
            assertEquals(0, leader.exitCode(), leader.toString());
            assertEquals(List.of("{\"rank\":0,\"echo\":{\"x\":1}}"), leader.stdoutLines());
            assertEquals(List.of("{\"rank\":1,\"echo\":{}}"), dist.run("call", "--rank", "1", id, "echo").stdoutLines());
            Distribution.Run none = dist.run("call", id, "nope");
            assertEquals(1, none.exitCode());
            assertTrue(none.stderr().startsWith("jobshell: error: call: shell 0: nope: no such method"), none.toString());
            Files.createFile(gate);
            assertEquals(0, dist.run("attach", id).exitCode());
            Distribution.Run late = dist.run("call", id, "echo");
            assertEquals(List.of("jobshell: error: call: 0-shell-" + id + ".echo: job " + id + " has ended, and its"
                    + " service with it (Function not implemented)"), late.stderrLines());
        } finally {
            Files.delete(jar);
        }
    }

    private static String[] concat(List<String> head, String[] tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(Arrays.asList(tail));
        return all.toArray(new String[0]);
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().collect(Collectors.toList());
    }
}
