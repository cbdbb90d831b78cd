package org.jobshell.plugin.pmisimple;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The PMI-1 wire protocol as one shell serves it to its tasks (the commands MPICH's and Open MPI's
 * simple PMI clients send): answers each request line, keeps the KVS, and holds the tasks in a
 * barrier until every local task entered it and the shells exchanged what their tasks put. Not
 * thread-safe: one thread drives it.
 */
final class Protocol {

    /** The longest KVS name, key and value, as {@code get_maxes} announces them. */
    static final int NAME_MAX = 64;
    static final int KEY_MAX = 64;
    static final int VALUE_MAX = 1024;

    /** What the protocol needs from the job. */
    interface Job {

        /**
         * Every local task entered the barrier: exchange the puts with the other shells.
         *
         * @param puts what this shell's tasks put since the last barrier
         * @param release to call with what every shell's tasks put, on the protocol's thread
         */
        void barrier(Map<String, String> puts, Consumer<Map<String, String>> release);

        /**
         * A task called {@code PMI_Abort}: the job ends.
         *
         * @param exitCode the exit code it asked for
         * @param message the job exception's note, {@code PMI_Abort: <msg>}
         */
        void abort(int exitCode, String message);
    }

    /**
     * @param kvsname the job's KVS name
     * @param size the tasks of the job
     * @param localRanks the task ranks of this shell
     * @param preset the keys every task can get from the start ({@code PMI_process_mapping})
     */
    record Setup(String kvsname, int size, BitSet localRanks, Map<String, String> preset) {
    }

    private final Setup setup;
    private final Job job;
    private final Map<String, String> kvs;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final List<Client> barrier = new ArrayList<>();
    private Client lost;
    private boolean exchanging;

    Protocol(Setup setup, Job job) {
        this.setup = setup;
        this.job = job;
        this.kvs = new HashMap<>(setup.preset());
    }

    /**
     * @param client the client that sent it
     * @param line one request line, without its newline
     * @throws ProtocolException when the client broke the protocol: the job fails
     */
    void request(Client client, String line) {
        if (client.spawn() != null) {
            spawnLine(client, line);
            return;
        }
        Request r = Request.parse(line);
        if (client.rank() < 0 && !r.command().equals("initack")) {
            throw new ProtocolException(client.who() + " sent \"" + line + "\" before cmd=initack");
        }
        switch (r.command()) {
            case "initack" -> initack(client, r);
            case "init" -> init(client, r);
            case "get_maxes" -> client.send("cmd=maxes rc=0 kvsname_max=" + NAME_MAX + " keylen_max=" + KEY_MAX
                    + " vallen_max=" + VALUE_MAX);
            case "get_appnum" -> client.send("cmd=appnum rc=0 appnum=0");
            case "get_universe_size" -> client.send("cmd=universe_size rc=0 size=" + setup.size());
            case "get_my_kvsname" -> client.send("cmd=my_kvsname rc=0 kvsname=" + setup.kvsname());
            case "put" -> client.send("cmd=put_result " + put(r));
            case "get" -> client.send("cmd=get_result " + get(r));
            case "barrier_in" -> barrierIn(client);
            case "finalize" -> {
                client.stage(Client.Stage.DONE);
                client.send("cmd=finalize_ack rc=0");
            }
            case "abort" -> abort(client, r);
            case "publish_name" -> client.send("cmd=publish_result rc=-1 msg=unsupported");
            case "unpublish_name" -> client.send("cmd=unpublish_result rc=-1 msg=unsupported");
            case "lookup_name" -> client.send("cmd=lookup_result rc=-1 msg=unsupported");
            case "spawn" -> client.startSpawn();
            default -> throw new ProtocolException(client.who() + " sent an unknown command \"" + line + "\"");
        }
    }

    /**
     * The client's connection ended.
     *
     * @param client the client
     * @throws ProtocolException when it had started PMI and not finalized while others wait in a barrier
     */
    void closed(Client client) {
        barrier.remove(client);
        if (client.stage() == Client.Stage.STARTED && lost == null) {
            lost = client;
        }
        checkLost();
    }

    private void initack(Client client, Request r) {
        int rank = r.requireInt("pmiid");
        if (client.rank() >= 0 || rank < 0 || !setup.localRanks().get(rank)) {
            throw new ProtocolException(client.who() + " sent \"" + r.line() + "\": pmiid must be a task rank of "
                    + "this shell, once");
        }
        client.rank(rank);
        client.send("cmd=initack");
        client.send("cmd=set size=" + setup.size());
        client.send("cmd=set rank=" + rank);
        client.send("cmd=set debug=0");
    }

    private void init(Client client, Request r) {
        int version = r.requireInt("pmi_version");
        int subversion = r.requireInt("pmi_subversion");
        if (version < 1 || version == 1 && subversion < 1) {
            client.send("cmd=response_to_init rc=-1 msg=PMI-1.1_or_later_is_needed");
            return;
        }
        client.stage(Client.Stage.STARTED);
        client.send("cmd=response_to_init rc=0 pmi_version=1 pmi_subversion=1");
    }

    private String put(Request r) {
        String problem = checkName(r);
        String key = r.require("key");
        String value = r.require("value");
        if (problem == null && key.length() > KEY_MAX) {
            problem = "key_too_long";
        } else if (problem == null && value.length() > VALUE_MAX) {
            problem = "value_too_long";
        }
        if (problem != null) {
            return "rc=-1 msg=" + problem;
        }
        pending.put(key, value);
        return "rc=0";
    }

    private String get(Request r) {
        String problem = checkName(r);
        String key = r.require("key");
        String value = kvs.containsKey(key) ? kvs.get(key) : pending.get(key);
        if (problem == null && value == null) {
            problem = "key_" + key + "_not_found";
        }
        return problem == null ? "rc=0 value=" + value : "rc=-1 msg=" + problem;
    }

    private String checkName(Request r) {
        return r.require("kvsname").equals(setup.kvsname()) ? null : "unknown_kvsname";
    }

    private void barrierIn(Client client) {
        if (barrier.contains(client)) {
            throw new ProtocolException(client.who() + " entered a PMI barrier twice");
        }
        barrier.add(client);
        checkLost();
        if (barrier.size() == setup.localRanks().cardinality() && !exchanging) {
            exchanging = true;
            Map<String, String> puts = new LinkedHashMap<>(pending);
            pending.clear();
            job.barrier(puts, this::release);
        }
    }

    /** @param all what the tasks of every shell put: the barrier ends */
    private void release(Map<String, String> all) {
        exchanging = false;
        kvs.putAll(all);
        for (Client c : barrier) {
            c.send("cmd=barrier_out rc=0");
        }
        barrier.clear();
    }

    private void checkLost() {
        if (lost != null && !barrier.isEmpty()) {
            throw new ProtocolException(lost.who() + " closed its PMI connection before PMI_Finalize while "
                    + barrier.size() + " task(s) wait in a PMI barrier");
        }
    }

    private void abort(Client client, Request r) {
        client.stage(Client.Stage.DONE);
        int code = r.attributes().containsKey("exitcode") ? r.requireInt("exitcode") : 1;
        String message = r.attributes().getOrDefault("error_msg", r.attributes().get("msg"));
        job.abort(code, "PMI_Abort: " + (message == null || message.isBlank()
                ? client.who() + " aborted with exit code " + code : message));
    }

    private void spawnLine(Client client, String line) {
        if (!line.equals("endcmd")) {
            client.spawn().add(line);
            return;
        }
        client.endSpawn();
        client.send("cmd=spawn_result rc=-1 errmsg=PMI_Spawn_is_not_supported_by_jobshell");
    }
}
