package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jobshell.api.ShellException;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.LeaderMessage;
import org.jobshell.core.spi.ShellExchange;
import org.junit.jupiter.api.Test;

/**
 * What the shells of a job exchange: serialized payloads, the job exception fanned out from the
 * leader, and (in whole jobs of several shells) the leader as the only writer of the terminal and the
 * eventlogs.
 */
class ShellExchangeTest extends JobHarnessTestBase {

    /** A shell's endpoint that records what reaches it. */
    private static final class Recorder implements ShellExchange.Endpoint {
        final List<String> heard = new CopyOnWriteArrayList<>();
        volatile JsonNode lastRequest;

        @Override
        public CompletionStage<JsonNode> serve(String method, JsonNode request) {
            lastRequest = request;
            if (method.equals("fail")) {
                return CompletableFuture.failedFuture(new IllegalStateException("it broke"));
            }
            ((ObjectNode) request).put("served", true); // a server scribbling on its request
            return CompletableFuture.completedFuture(request);
        }

        @Override
        public void aborted(int code, String message) {
            heard.add("aborted " + code + " " + message);
        }

        @Override
        public void kill(int signal) {
            heard.add("kill " + signal);
        }

        @Override
        public void cancelled(int signal) {
            heard.add("cancelled " + signal);
        }

        @Override
        public void fromShell(int shellRank, LeaderMessage kind, ObjectNode body) {
            heard.add(kind + " from " + shellRank + " " + body);
        }

        @Override
        public void exception(int shellRank, int code, String message) {
            heard.add("exception from " + shellRank + " " + code + " " + message);
        }
    }

    private final Recorder leader = new Recorder();
    private final Recorder follower = new Recorder();
    private final LocalExchange exchange = exchange();

    private LocalExchange exchange() {
        LocalExchange e = new LocalExchange(2, JobHarness.MAPPER);
        e.bind(0, leader);
        e.bind(1, follower);
        return e;
    }

    @Test
    void rpcPayloadsCrossAsCopiesBothWays() throws Exception {
        ObjectNode request = JobHarness.MAPPER.createObjectNode().put("n", 1);
        JsonNode reply = exchange.forShell(0).rpc(1, "echo", request).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("{\"n\":1}", request.toString(), "the server changed the caller's object");
        assertNotSame(request, follower.lastRequest);
        assertEquals("{\"n\":1,\"served\":true}", reply.toString());
        assertNotSame(follower.lastRequest, reply, "the reply is the server's own object");
    }

    @Test
    void failuresCrossAsMessagesAndUnserializablePayloadsFailAtTheCall() {
        ExecutionException failed = assertThrowsExecution(exchange.forShell(1).rpc(0, "fail",
                JobHarness.MAPPER.createObjectNode()));
        assertTrue(failed.getCause() instanceof ShellException, failed.getCause().toString());
        assertEquals("it broke", failed.getCause().getMessage());
        leader.lastRequest = null;
        ObjectNode odd = JobHarness.MAPPER.createObjectNode();
        odd.set("opaque", new POJONode(new Object())); // no serializer: an empty bean
        assertTrue(assertThrowsExecution(exchange.forShell(1).rpc(0, "echo", odd)).getCause().getMessage()
                .contains("does not serialize"));
        assertEquals(null, leader.lastRequest, "an unserializable request reached the server");
    }

    @Test
    void rpcToAShellOutsideTheJobFails() {
        assertEquals("shell 1: m: no shell rank 5 in a job of 2", assertThrowsExecution(
                exchange.forShell(1).rpc(5, "m", JobHarness.MAPPER.createObjectNode())).getCause().getMessage());
    }

    @Test
    void killAndCancelReachEveryShell() {
        exchange.forShell(1).kill(10);
        exchange.forShell(0).cancel(15);
        assertEquals(List.of("kill 10", "cancelled 15"), leader.heard);
        assertEquals(List.of("kill 10", "cancelled 15"), follower.heard);
    }

    @Test
    void messagesForTheLeaderReachOnlyTheLeaderTaggedWithTheSender() {
        exchange.forShell(1).toLeader(LeaderMessage.LOG, JobHarness.MAPPER.createObjectNode().put("message", "hi"));
        assertEquals(List.of("LOG from 1 {\"message\":\"hi\"}"), leader.heard);
        assertEquals(List.of(), follower.heard);
    }

    @Test
    void theFirstAbortIsRecordedByTheLeaderAndFannedOutOnceAndReleasesBarriers() throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return exchange.forShell(0).barrier("init");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        exchange.forShell(1).abort(3, "boom");
        exchange.forShell(0).abort(1, "later");
        assertFalse(waiting.get(10, TimeUnit.SECONDS), "the barrier did not say the job was aborted");
        assertEquals(List.of("exception from 1 3 boom", "aborted 3 boom"), leader.heard);
        assertEquals(List.of("aborted 3 boom"), follower.heard);
    }

    @Test
    void onlyTheLeaderHoldsTheTerminalAndTheEventlogsAndEveryShellsLinesReachThem() {
        List<String> refused = new CopyOnWriteArrayList<>();
        harness.plugin("probe", 50, false, p -> p.handle("shell.init", (s, t, a) -> {
            s.log().notice("hello from " + s.info().rank());
            try {
                s.terminal(TaskStream.STDOUT);
                s.eventlog("exec");
            } catch (IllegalStateException e) {
                refused.add(e.getMessage());
            }
        }));
        JobHarness.Result r = harness.run(jobspec(4, 4, "true"));
        assertEquals(0, r.exitCode());
        List<String> hello = r.errorLines().stream().filter(l -> l.contains("hello")).sorted()
                .collect(Collectors.toList());
        assertEquals(List.of("jobshell[0]: probe: hello from 0", "jobshell[1]: probe: hello from 1",
                "jobshell[2]: probe: hello from 2", "jobshell[3]: probe: hello from 3"), hello);
        Map<Integer, String> logged = new TreeMap<>();
        for (JsonNode e : r.events("output")) {
            if (e.get("name").asText().equals("log")) {
                logged.put(e.get("context").get("rank").asInt(), e.get("context").get("message").asText());
            }
        }
        assertEquals(Map.of(0, "hello from 0", 1, "hello from 1", 2, "hello from 2", 3, "hello from 3"), logged);
        List<String> sortedRefusals = new ArrayList<>(refused);
        sortedRefusals.sort(null);
        assertEquals(List.of("only the leader shell (rank 0) has the terminal; this is shell 1",
                "only the leader shell (rank 0) has the terminal; this is shell 2",
                "only the leader shell (rank 0) has the terminal; this is shell 3"), sortedRefusals);
    }

    @Test
    void aFailureOnAFollowerIsOneExceptionRecordedByTheLeader() {
        harness.plugin("picky", 50, false, p -> p.handle("shell.init", (s, t, a) -> {
            if (s.info().rank() == 3) {
                throw new ShellException("not on 3");
            }
        }));
        JobHarness.Result r = harness.run(jobspec(4, 4, "sleep", "300"));
        assertEquals(1, r.exitCode());
        assertEquals(List.of("jobshell[3]: FATAL: plugin 'picky': shell.init failed: not on 3 (bundle test.picky 1.0.0)"),
                r.errorLines());
        List<JsonNode> exceptions = r.events("exec").stream().filter(e -> e.get("name").asText().equals("exception"))
                .collect(Collectors.toList());
        assertEquals(1, exceptions.size());
        assertEquals(3, exceptions.get(0).get("context").get("shell_rank").asInt());
    }

    private static ExecutionException assertThrowsExecution(CompletionStage<JsonNode> stage) {
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the call succeeded");
    }
}
