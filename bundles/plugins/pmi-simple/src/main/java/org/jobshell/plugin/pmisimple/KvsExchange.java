package org.jobshell.plugin.pmisimple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jobshell.api.Shell;

/**
 * The KVS exchange of a PMI barrier across the shells of a job, through the shells' service methods
 * (the shell exchange): each shell sends what its tasks put to the leader ({@value #GATHER}); once
 * every shell did, the leader sends the union to every shell ({@value #RELEASE}), whose tasks then
 * leave the barrier. A job of one shell exchanges nothing. Barriers of one job never overlap: no shell
 * enters the next before the leader released the last.
 */
final class KvsExchange {

    static final String GATHER = "pmi-simple.gather";
    static final String RELEASE = "pmi-simple.release";

    private final Shell shell;
    private final WireLoop loop;
    private final Consumer<String> failure;
    private final Map<String, String> gathered = new LinkedHashMap<>();
    private int contributions;
    private volatile Consumer<Map<String, String>> release;

    /**
     * Registers the service methods; call in {@code shell.init}.
     *
     * @param shell this shell
     * @param loop the PMI server's loop, where releases go
     * @param failure fails the job when the exchange fails
     */
    KvsExchange(Shell shell, WireLoop loop, Consumer<String> failure) {
        this.shell = shell;
        this.loop = loop;
        this.failure = failure;
        if (shell.info().size() > 1) {
            if (shell.info().rank() == 0) {
                shell.register(GATHER, this::gather);
            }
            shell.register(RELEASE, request -> {
                Map<String, String> all = toMap(request);
                loop.execute(() -> release.accept(all));
                return null;
            });
        }
    }

    /**
     * Protocol's {@link Protocol.Job#barrier}: on the loop's thread.
     *
     * @param puts what this shell's tasks put
     * @param done told what every shell's tasks put
     */
    void barrier(Map<String, String> puts, Consumer<Map<String, String>> done) {
        if (shell.info().size() == 1) {
            done.accept(puts);
            return;
        }
        release = done;
        ObjectNode kvs = JsonNodeFactory.instance.objectNode();
        puts.forEach(kvs::put);
        shell.rpc(0, GATHER, kvs).whenComplete((response, error) -> {
            if (error != null) {
                loop.execute(() -> failure.accept("the PMI barrier's exchange failed: " + error.getMessage()));
            }
        });
    }

    /** On the leader, on its thread: one shell's puts; the last one releases every shell. */
    private JsonNode gather(JsonNode request) {
        gathered.putAll(toMap(request));
        if (++contributions < shell.info().size()) {
            return null;
        }
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        gathered.forEach(all::put);
        gathered.clear();
        contributions = 0;
        for (int rank = 0; rank < shell.info().size(); rank++) {
            shell.rpc(rank, RELEASE, all);
        }
        return null;
    }

    private static Map<String, String> toMap(JsonNode kvs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = kvs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }
}
