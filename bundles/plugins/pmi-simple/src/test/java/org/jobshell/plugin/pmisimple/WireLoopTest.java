package org.jobshell.plugin.pmisimple;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's loop over real sockets: what a misbehaving task does to the job. */
class WireLoopTest {

    private final CompletableFuture<String> failure = new CompletableFuture<>();
    private final SocketPairs pairs;
    private final WireLoop loop;

    WireLoopTest() throws Exception {
        pairs = new SocketPairs();
        loop = new WireLoop("test", failure::complete, new WireLoop.Trace() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public void line(String message) {
            }
        });
        BitSet two = new BitSet();
        two.set(0, 2);
        loop.start(new Protocol(new Protocol.Setup("kvs", 2, two, Map.of()), new Protocol.Job() {
            @Override
            public void barrier(Map<String, String> puts, Consumer<Map<String, String>> release) {
                loop.execute(() -> release.accept(puts));
            }

            @Override
            public void abort(int exitCode, String message) {
            }
        }));
    }

    @AfterEach
    void close() throws Exception {
        loop.close();
        pairs.close();
    }

    private SocketChannel task(int rank) throws Exception {
        SocketPairs.Pair pair = pairs.pair();
        loop.serve(pair.shell(), rank);
        return pair.task();
    }

    private static void send(SocketChannel task, String text) throws Exception {
        task.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String failed() throws Exception {
        return failure.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aTaskDisconnectingMidBarrierFailsTheJobInsteadOfHangingTheOthers() throws Exception {
        SocketChannel a = task(0);
        SocketChannel b = task(1);
        BufferedReader fromA = new BufferedReader(new InputStreamReader(Channels.newInputStream(a), StandardCharsets.UTF_8));
        send(a, "cmd=init pmi_version=1 pmi_subversion=1\ncmd=barrier_in\n");
        assertEquals("cmd=response_to_init rc=0 pmi_version=1 pmi_subversion=1", fromA.readLine());
        send(b, "cmd=init pmi_version=1 pmi_subversion=1\n");
        b.close();
        assertEquals("task 1 closed its PMI connection before PMI_Finalize while 1 task(s) wait in a PMI barrier",
                failed());
    }

    @Test
    void aMalformedLineFailsTheJobNamingIt() throws Exception {
        send(task(0), "cmd=init pmi_version=1 pmi_subversion=1\nnonsense\n");
        assertEquals("malformed request \"nonsense\": \"nonsense\" is not key=value", failed());
    }

    @Test
    void anEndlessLineFailsTheJob() throws Exception {
        send(task(1), "cmd=put kvsname=kvs key=k value=" + "x".repeat(WireLoop.LINE_MAX));
        assertEquals("task 1 sent a PMI request line longer than 4096 bytes", failed());
    }

    @Test
    void anUnknownCommandFailsTheJob() throws Exception {
        send(task(0), "cmd=get_ranks2hosts\n");
        assertEquals("task 0 sent an unknown command \"cmd=get_ranks2hosts\"", failed());
    }
}
