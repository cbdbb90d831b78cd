package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobshell.api.Hostlist;
import org.jobshell.api.Idset;
import org.jobshell.api.ShellException;

/**
 * R, the resource set of a job (Flux RFC 20, version 1): per shell rank its host, cores and GPUs.
 *
 * @param ranks the ranks, in order 0..n-1
 * @param starttime when the allocation started (seconds since the epoch)
 * @param expiration when it ends, 0 for never
 */
public record Resources(List<Rank> ranks, double starttime, double expiration) {

    /**
     * One rank of R.
     *
     * @param rank the rank
     * @param host its host name
     * @param cores its cores
     * @param gpus its GPUs
     */
    public record Rank(int rank, String host, BitSet cores, BitSet gpus) {
    }

    /**
     * R for a job whose shells all run on this host. Each rank holds the cores its tasks ask for
     * ({@link Jobspec#coresFor}: with {@code jobshell run}, its tasks times {@code -c}), handed out
     * in order from the CPUs this process may use, rank after rank (see {@link CoreHandout}): a
     * rank asking for more than there are gets all of them, and its tasks share them.
     *
     * @param jobspec the job
     * @param host this host's name
     * @param allowed the CPUs this process may use
     * @return the resource set
     */
    public static Resources local(Jobspec jobspec, String host, BitSet allowed) {
        TaskLayout layout = new TaskLayout(jobspec.totalTasks(), jobspec.nnodes());
        CoreHandout cores = new CoreHandout(allowed);
        List<Rank> ranks = new ArrayList<>();
        for (int r = 0; r < layout.shells(); r++) {
            ranks.add(new Rank(r, host, cores.take(jobspec.coresFor(layout.count(r))), new BitSet()));
        }
        double now = System.currentTimeMillis() / 1000.0;
        double duration = jobspec.duration();
        return new Resources(List.copyOf(ranks), now, duration > 0 ? now + duration : 0);
    }

    /** @return R as JSON: {@code {version:1, execution:{R_lite, nodelist, starttime, expiration}}} */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Map<String, BitSet> byChildren = new LinkedHashMap<>();
        Map<String, ObjectNode> children = new LinkedHashMap<>();
        for (Rank r : ranks) {
            ObjectNode c = f.objectNode();
            c.put("core", Idset.encode(r.cores()));
            if (!r.gpus().isEmpty()) {
                c.put("gpu", Idset.encode(r.gpus()));
            }
            String key = c.toString();
            byChildren.computeIfAbsent(key, k -> new BitSet()).set(r.rank());
            children.putIfAbsent(key, c);
        }
        ArrayNode lite = f.arrayNode();
        byChildren.forEach((key, rankIds) -> {
            ObjectNode entry = lite.addObject();
            entry.put("rank", Idset.encode(rankIds));
            entry.set("children", children.get(key));
        });
        List<String> hosts = new ArrayList<>();
        for (Rank r : ranks) {
            hosts.add(r.host());
        }
        ObjectNode root = f.objectNode();
        root.put("version", 1);
        ObjectNode exec = root.putObject("execution");
        exec.set("R_lite", lite);
        exec.putArray("nodelist").add(String.join(",", hosts));
        exec.put("starttime", starttime);
        exec.put("expiration", expiration);
        return root;
    }

    /**
     * Reads R.
     *
     * @param json R as JSON
     * @return the resource set
     * @throws ShellException {@code R: <field>: <problem>}
     */
    public static Resources parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw bad("", "must be a JSON object");
        }
        if (json.path("version").asInt(-1) != 1) {
            throw bad("version", "must be 1");
        }
        JsonNode exec = json.get("execution");
        if (exec == null || !exec.isObject()) {
            throw bad("execution", "missing");
        }
        JsonNode lite = exec.get("R_lite");
        if (lite == null || !lite.isArray() || lite.isEmpty()) {
            throw bad("execution.R_lite", "must be a non-empty array");
        }
        Map<Integer, Rank> ranks = new TreeMap<>();
        List<String> hosts = hosts(exec.get("nodelist"));
        for (int i = 0; i < lite.size(); i++) {
            JsonNode e = lite.get(i);
            String where = "execution.R_lite[" + i + "]";
            BitSet rankIds = idset(e.get("rank"), where + ".rank");
            JsonNode ch = e.get("children");
            if (ch == null || !ch.isObject()) {
                throw bad(where + ".children", "missing");
            }
            BitSet cores = idset(ch.get("core"), where + ".children.core");
            BitSet gpus = ch.has("gpu") ? idset(ch.get("gpu"), where + ".children.gpu") : new BitSet();
            for (int r = rankIds.nextSetBit(0); r >= 0; r = rankIds.nextSetBit(r + 1)) {
                if (ranks.containsKey(r)) {
                    throw bad(where + ".rank", "rank " + r + " appears twice");
                }
                ranks.put(r, new Rank(r, null, cores, gpus));
            }
        }
        List<Rank> ordered = new ArrayList<>();
        int expected = 0;
        for (Rank r : ranks.values()) {
            if (r.rank() != expected) {
                throw bad("execution.R_lite", "rank " + expected + " is missing");
            }
            String host = expected < hosts.size() ? hosts.get(expected) : "";
            if (!hosts.isEmpty() && hosts.size() != ranks.size()) {
                throw bad("execution.nodelist", hosts.size() + " hosts for " + ranks.size() + " ranks");
            }
            ordered.add(new Rank(r.rank(), host, r.cores(), r.gpus()));
            expected++;
        }
        return new Resources(List.copyOf(ordered), exec.path("starttime").asDouble(0),
                exec.path("expiration").asDouble(0));
    }

    private static List<String> hosts(JsonNode nodelist) {
        List<String> hosts = new ArrayList<>();
        if (nodelist == null) {
            return hosts;
        }
        if (!nodelist.isArray()) {
            throw bad("execution.nodelist", "must be an array of hostlists");
        }
        for (JsonNode n : nodelist) {
            try {
                hosts.addAll(Hostlist.expand(n.asText()));
            } catch (IllegalArgumentException e) {
                throw bad("execution.nodelist", e.getMessage());
            }
        }
        return hosts;
    }

    private static BitSet idset(JsonNode v, String where) {
        if (v == null || !v.isTextual()) {
            throw bad(where, "must be an idset string");
        }
        try {
            return Idset.decode(v.textValue());
        } catch (IllegalArgumentException e) {
            throw bad(where, e.getMessage());
        }
    }

    private static ShellException bad(String field, String problem) {
        return new ShellException(field.isEmpty() ? "R: " + problem : "R: " + field + ": " + problem);
    }
}
