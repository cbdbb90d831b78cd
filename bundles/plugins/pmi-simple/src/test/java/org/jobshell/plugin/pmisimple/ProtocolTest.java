package org.jobshell.plugin.pmisimple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PMI-1 wire protocol as a shell of 2 local tasks (ranks 0 and 1 of 3) answers it. */
class ProtocolTest {

    private final List<String> aborts = new ArrayList<>();
    private final List<Map<String, String>> exchanged = new ArrayList<>();
    private Consumer<Map<String, String>> release;
    private final Protocol protocol = new Protocol(new Protocol.Setup("kvs0", 3, ranks(0, 1),
            Map.of("PMI_process_mapping", "(vector,(0,1,2),(1,1,1))")), new Protocol.Job() {
                @Override
                public void barrier(Map<String, String> puts, Consumer<Map<String, String>> done) {
                    exchanged.add(puts);
                    release = done;
                }

                @Override
                public void abort(int exitCode, String message) {
                    aborts.add(exitCode + " " + message);
                }
            });

    private static BitSet ranks(int... ranks) {
        BitSet b = new BitSet();
        for (int r : ranks) {
            b.set(r);
        }
        return b;
    }

    /** A client whose responses are recorded. */
    private static final class Task {
        final List<String> got = new ArrayList<>();
        final Client client;

        Task(int rank) {
            client = new Client(rank, line -> got.add(line.strip()));
        }
    }

    private List<String> send(Task t, String... lines) {
        t.got.clear();
        for (String line : lines) {
            protocol.request(t.client, line);
        }
        return List.copyOf(t.got);
    }

    @Test
    void theStartupCommandsOfMpichAreAnswered() {
        Task t = new Task(0);
        assertEquals(List.of("cmd=response_to_init rc=0 pmi_version=1 pmi_subversion=1",
                "cmd=maxes rc=0 kvsname_max=64 keylen_max=64 vallen_max=1024", "cmd=appnum rc=0 appnum=0",
                "cmd=my_kvsname rc=0 kvsname=kvs0", "cmd=universe_size rc=0 size=3",
                "cmd=get_result rc=0 value=(vector,(0,1,2),(1,1,1))"),
                send(t, "cmd=init pmi_version=1 pmi_subversion=1", "cmd=get_maxes", "cmd=get_appnum",
                        "cmd=get_my_kvsname", "cmd=get_universe_size",
                        "cmd=get kvsname=kvs0 key=PMI_process_mapping"));
    }

    @Test
    void putsAreExchangedAtTheBarrierAndEveryShellsPutsCanBeGotAfterIt() {
        Task a = new Task(0);
        Task b = new Task(1);
        assertEquals(List.of("cmd=put_result rc=0"), send(a, "cmd=put kvsname=kvs0 key=card-0 value=A B"));
        assertEquals(List.of(), send(a, "cmd=barrier_in"));
        assertEquals(List.of(), exchanged, "the barrier waits for every local task");
        assertEquals(List.of(), send(b, "cmd=barrier_in"));
        assertEquals(List.of(Map.of("card-0", "A B")), exchanged);
        release.accept(Map.of("card-0", "A B", "card-2", "C"));
        assertEquals(List.of("cmd=barrier_out rc=0"), a.got);
        assertEquals(List.of("cmd=barrier_out rc=0"), b.got);
        assertEquals(List.of("cmd=get_result rc=0 value=C"), send(b, "cmd=get kvsname=kvs0 key=card-2"));
        assertEquals(List.of("cmd=get_result rc=-1 msg=key_nope_not_found"), send(b, "cmd=get kvsname=kvs0 key=nope"));
        assertEquals(List.of("cmd=finalize_ack rc=0"), send(b, "cmd=finalize"));
    }

    @Test
    void aPutBeyondTheMaximaOrToAnotherKvsIsRefusedNotFatal() {
        Task t = new Task(0);
        assertEquals(List.of("cmd=put_result rc=-1 msg=key_too_long", "cmd=put_result rc=-1 msg=value_too_long",
                "cmd=put_result rc=-1 msg=unknown_kvsname"),
                send(t, "cmd=put kvsname=kvs0 key=" + "k".repeat(65) + " value=v",
                        "cmd=put kvsname=kvs0 key=k value=" + "v".repeat(1025), "cmd=put kvsname=other key=k value=v"));
    }

    @Test
    void abortRaisesTheJobExceptionWithTheMessage() {
        Task t = new Task(1);
        send(t, "cmd=init pmi_version=1 pmi_subversion=1", "cmd=abort exitcode=3");
        send(new Task(0), "cmd=abort exitcode=7 error_msg=bad");
        assertEquals(List.of("3 PMI_Abort: task 1 aborted with exit code 3", "7 PMI_Abort: bad"), aborts);
    }

    @Test
    void spawnAndTheNameServiceAreAnsweredWithAnError() {
        Task t = new Task(0);
        assertEquals(List.of("cmd=spawn_result rc=-1 errmsg=PMI_Spawn_is_not_supported_by_jobshell"),
                send(t, "mcmd=spawn", "nprocs=2", "execname=a.out", "endcmd"));
        assertEquals(List.of("cmd=publish_result rc=-1 msg=unsupported", "cmd=lookup_result rc=-1 msg=unsupported",
                "cmd=unpublish_result rc=-1 msg=unsupported"),
                send(t, "cmd=publish_name service=s port=p", "cmd=lookup_name service=s", "cmd=unpublish_name service=s"));
    }

    @Test
    void aPortClientNamesItsRankInInitackAndGetsSizeAndRank() {
        Task t = new Task(-1);
        assertEquals(List.of("cmd=initack", "cmd=set size=3", "cmd=set rank=1", "cmd=set debug=0"),
                send(t, "cmd=initack pmiid=1"));
        assertEquals(1, t.client.rank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "cmd=", "key=v cmd=init", "cmd=init pmi_version", "cmd=init pmi_version=x pmi_subversion=1",
        "cmd=get kvsname=kvs0", "cmd=frobnicate"})
    void aMalformedLineOrAnUnknownCommandIsAProtocolErrorNamingTheTask(String line) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> send(new Task(0), line));
        assertEquals(true, e.getMessage().contains("\"" + line + "\""), e.getMessage());
    }

    @Test
    void aPortClientMustNameOneOfThisShellsRanksFirst() {
        assertThrows(ProtocolException.class, () -> send(new Task(-1), "cmd=init pmi_version=1 pmi_subversion=1"));
        assertThrows(ProtocolException.class, () -> send(new Task(-1), "cmd=initack pmiid=2"));
    }

    @Test
    void aTaskLeavingWithoutFinalizeWhileOthersWaitInABarrierFailsTheJob() {
        Task a = new Task(0);
        Task b = new Task(1);
        send(a, "cmd=init pmi_version=1 pmi_subversion=1", "cmd=barrier_in");
        send(b, "cmd=init pmi_version=1 pmi_subversion=1");
        ProtocolException e = assertThrows(ProtocolException.class, () -> protocol.closed(b.client));
        assertEquals("task 1 closed its PMI connection before PMI_Finalize while 1 task(s) wait in a PMI barrier",
                e.getMessage());
    }

    @Test
    void aTaskThatNeverStartedPmiOrFinalizedMayLeave() {
        Task a = new Task(0);
        protocol.closed(a.client);
        Task b = new Task(1);
        send(b, "cmd=init pmi_version=1 pmi_subversion=1", "cmd=finalize");
        protocol.closed(b.client);
    }
}
