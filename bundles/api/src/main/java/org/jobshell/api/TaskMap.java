package org.jobshell.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 34 task map: which node (shell rank) runs which task ranks, as a list of blocks
 * {@code [nodeid, nnodes, ppn, repeat]}. Task ranks are given out in order: for each block,
 * {@code repeat} times, each node from {@code nodeid} to {@code nodeid + nnodes - 1} gets the next
 * {@code ppn} ranks. So {@code [[0,4,4,1]]} (the default block map of 4 nodes and 16 tasks) gives node
 * 0 the tasks 0-3, and {@code [[0,4,1,4]]} (cyclic) gives it 0, 4, 8 and 12.
 *
 * <p>Immutable. Maps are kept in RFC 34's normal form (consecutive nodes with the same count share a
 * block, identical consecutive blocks share a repeat count), so two maps that place every task the
 * same way are equal. Task map plugins ({@code taskmap.<scheme>} topics) read the current map from
 * their IN args with {@link #decode} and answer with {@link #encode}.
 */
public final class TaskMap {

    /** The most tasks a map may place: far beyond what one job runs, so that a typo fails cleanly. */
    public static final int MAX_TASKS = 1 << 22;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One block of the map.
     *
     * @param nodeid the first node, at least 0
     * @param nnodes how many consecutive nodes, at least 1
     * @param ppn how many tasks each node gets per repeat, at least 1
     * @param repeat how many times the block repeats, at least 1
     */
    public record Block(int nodeid, int nnodes, int ppn, int repeat) {
    }

    /** Consecutive tasks on one node, in task order: what every form of the map reduces to. */
    private final int[] runNode;
    private final int[] runCount;
    private final List<Block> blocks;
    private final int total;
    private final int nnodes;

    private TaskMap(int[] runNode, int[] runCount) {
        this.runNode = runNode;
        this.runCount = runCount;
        int t = 0;
        int n = 0;
        for (int i = 0; i < runNode.length; i++) {
            t += runCount[i];
            n = Math.max(n, runNode[i] + 1);
        }
        this.total = t;
        this.nnodes = n;
        this.blocks = List.copyOf(fold(runNode, runCount));
    }

    /**
     * @param nodeOfTask for each task rank in order, the node that runs it
     * @return the map placing task {@code i} on node {@code nodeOfTask[i]}
     * @throws IllegalArgumentException for a negative node
     */
    public static TaskMap ofNodes(int[] nodeOfTask) {
        Runs runs = new Runs();
        for (int node : nodeOfTask) {
            runs.add(node, 1);
        }
        return runs.toMap();
    }

    /**
     * @param tasksPerNode how many tasks each node runs, in node order (0 for none)
     * @return the block map: consecutive task ranks per node
     */
    public static TaskMap block(int[] tasksPerNode) {
        Runs runs = new Runs();
        for (int node = 0; node < tasksPerNode.length; node++) {
            runs.add(node, tasksPerNode[node]);
        }
        return runs.toMap();
    }

    /**
     * Reads a task map in any of the forms RFC 34 and the Flux shell accept: RFC 34 JSON
     * ({@code {"version":1,"map":[[0,4,4,1]]}}, or the bare block array), a raw list of each node's
     * task ids ({@code 0-3;4-7}: node i's idset at position i), or a PMI vector
     * ({@code (vector,(0,4,4))}).
     *
     * @param text the map
     * @return the map; {@link #unknown()} when it has no blocks
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static TaskMap decode(String text) {
        String s = Objects.requireNonNull(text, "text").trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty task map");
        }
        if (s.startsWith("{") || s.startsWith("[")) {
            try {
                return fromJson(JSON.readTree(s));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("task map '" + s + "' is not valid JSON: "
                        + e.getOriginalMessage());
            }
        }
        if (s.startsWith("(vector")) {
            return fromPmi(s);
        }
        return fromRaw(s);
    }

    /**
     * @param json RFC 34 JSON: {@code {"version":1,"map":[BLOCK...]}} or the bare block array
     * @return the map
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static TaskMap fromJson(JsonNode json) {
        JsonNode map = json;
        if (json != null && json.isObject()) {
            if (json.path("version").asInt(-1) != 1 || !json.path("version").isIntegralNumber()) {
                throw new IllegalArgumentException("task map " + json + ": version must be 1");
            }
            map = json.get("map");
        }
        if (map == null || !map.isArray()) {
            throw new IllegalArgumentException("task map " + json + ": map must be an array of blocks");
        }
        Runs runs = new Runs();
        for (JsonNode b : map) {
            if (!b.isArray() || b.size() != 4) {
                throw new IllegalArgumentException("task map block " + b + ": must be [nodeid, nnodes, ppn, repeat]");
            }
            int[] v = new int[4];
            for (int i = 0; i < 4; i++) {
                if (!b.get(i).isIntegralNumber() || !b.get(i).canConvertToInt() || b.get(i).intValue() < (i == 0 ? 0 : 1)) {
                    throw new IllegalArgumentException("task map block " + b + ": nodeid must be an integer >= 0,"
                            + " nnodes, ppn and repeat integers >= 1");
                }
                v[i] = b.get(i).intValue();
            }
            runs.add(new Block(v[0], v[1], v[2], v[3]));
        }
        return runs.toMap();
    }

    private static TaskMap fromPmi(String s) {
        String body = s.substring("(vector".length());
        if (!body.endsWith(")")) {
            throw new IllegalArgumentException("bad PMI task map '" + s + "': missing ')'");
        }
        Runs runs = new Runs();
        String inner = body.substring(0, body.length() - 1).trim();
        while (!inner.isEmpty()) {
            if (!inner.startsWith(",(")) {
                throw new IllegalArgumentException("bad PMI task map '" + s + "': expected ',(nodeid,nnodes,ppn)'");
            }
            int close = inner.indexOf(')');
            String[] parts = close < 0 ? new String[0] : inner.substring(2, close).split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException("bad PMI task map '" + s + "': a block is (nodeid,nnodes,ppn)");
            }
            try {
                int nodeid = Integer.parseInt(parts[0].trim());
                int nn = Integer.parseInt(parts[1].trim());
                int ppn = Integer.parseInt(parts[2].trim());
                if (nodeid < 0 || nn < 1 || ppn < 1) {
                    throw new NumberFormatException();
                }
                runs.add(new Block(nodeid, nn, ppn, 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad PMI task map '" + s + "': (" + inner.substring(2, close)
                        + ") is not three integers nodeid >= 0, nnodes >= 1, ppn >= 1");
            }
            inner = inner.substring(close + 1).trim();
        }
        return runs.toMap();
    }

    private static TaskMap fromRaw(String s) {
        String[] nodes = s.split(";", -1);
        List<BitSet> ids = new ArrayList<>();
        int max = -1;
        for (String n : nodes) {
            BitSet set = Idset.decode(n);
            ids.add(set);
            max = Math.max(max, set.length() - 1);
        }
        if (max + 1 > MAX_TASKS) {
            throw new IllegalArgumentException("task map places more than " + MAX_TASKS + " tasks");
        }
        int[] nodeOf = new int[max + 1];
        Arrays.fill(nodeOf, -1);
        for (int node = 0; node < ids.size(); node++) {
            BitSet set = ids.get(node);
            for (int t = set.nextSetBit(0); t >= 0; t = set.nextSetBit(t + 1)) {
                if (nodeOf[t] >= 0) {
                    throw new IllegalArgumentException("duplicate taskid specified: " + t);
                }
                nodeOf[t] = node;
            }
        }
        for (int t = 0; t < nodeOf.length; t++) {
            if (nodeOf[t] < 0) {
                throw new IllegalArgumentException("missing taskid: " + t);
            }
        }
        return ofNodes(nodeOf);
    }

    /** @return the map that places no task: an unknown map */
    public static TaskMap unknown() {
        return new TaskMap(new int[0], new int[0]);
    }

    /** @return whether the map places no task (an unknown map, RFC 34) */
    public boolean isUnknown() {
        return total == 0;
    }

    /** @return the blocks, in normal form */
    public List<Block> blocks() {
        return blocks;
    }

    /** @return the number of nodes: the largest node id + 1 */
    public int nnodes() {
        return nnodes;
    }

    /** @return the number of tasks placed */
    public int totalTasks() {
        return total;
    }

    /**
     * @param node a node id
     * @return the task ranks that node runs (empty for a node outside the map)
     */
    public BitSet taskIds(int node) {
        BitSet ids = new BitSet();
        int next = 0;
        for (int i = 0; i < runNode.length; i++) {
            if (runNode[i] == node) {
                ids.set(next, next + runCount[i]);
            }
            next += runCount[i];
        }
        return ids;
    }

    /**
     * @param task a task rank
     * @return the node that runs it, or -1 for a rank outside the map
     */
    public int nodeOf(int task) {
        int next = 0;
        for (int i = 0; i < runNode.length; i++) {
            next += runCount[i];
            if (task < next && task >= 0) {
                return runNode[i];
            }
        }
        return -1;
    }

    /** @return how many tasks each node runs, in node order */
    public int[] tasksPerNode() {
        int[] counts = new int[nnodes];
        for (int i = 0; i < runNode.length; i++) {
            counts[runNode[i]] += runCount[i];
        }
        return counts;
    }

    /** @return the RFC 34 JSON object, e.g. {@code {"version":1,"map":[[0,4,4,1]]}} */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", 1);
        ArrayNode map = root.putArray("map");
        for (Block b : blocks) {
            map.addArray().add(b.nodeid()).add(b.nnodes()).add(b.ppn()).add(b.repeat());
        }
        return root;
    }

    /** @return {@link #toJson()} as compact text, what {@code taskmap.<scheme>} OUT args carry */
    public String encode() {
        return toJson().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskMap && ((TaskMap) o).blocks.equals(blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }

    /** The normal form: consecutive nodes with the same count in one block, equal blocks repeated. */
    private static List<Block> fold(int[] runNode, int[] runCount) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < runNode.length; i++) {
            Block last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.repeat() == 1 && last.ppn() == runCount[i]
                    && runNode[i] == last.nodeid() + last.nnodes()) {
                out.set(out.size() - 1, new Block(last.nodeid(), last.nnodes() + 1, last.ppn(), 1));
            } else {
                out.add(new Block(runNode[i], 1, runCount[i], 1));
            }
        }
        List<Block> merged = new ArrayList<>();
        for (Block b : out) {
            Block last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.nodeid() == b.nodeid() && last.nnodes() == b.nnodes() && last.ppn() == b.ppn()) {
                merged.set(merged.size() - 1, new Block(b.nodeid(), b.nnodes(), b.ppn(), last.repeat() + b.repeat()));
            } else {
                merged.add(b);
            }
        }
        return merged;
    }

    /** Builds the runs of a map, merging consecutive tasks on one node. */
    private static final class Runs {
        private int[] node = new int[8];
        private int[] count = new int[8];
        private int size;
        private long total;

        void add(Block b) {
            if ((long) b.nnodes() * b.ppn() * b.repeat() + total > MAX_TASKS) {
                throw new IllegalArgumentException("task map places more than " + MAX_TASKS + " tasks");
            }
            for (int r = 0; r < b.repeat(); r++) {
                for (int n = 0; n < b.nnodes(); n++) {
                    add(b.nodeid() + n, b.ppn());
                }
            }
        }

        void add(int nodeid, int tasks) {
            if (nodeid < 0) {
                throw new IllegalArgumentException("task map: node " + nodeid + " is negative");
            }
            if (tasks <= 0) {
                return;
            }
            total += tasks;
            if (total > MAX_TASKS) {
                throw new IllegalArgumentException("task map places more than " + MAX_TASKS + " tasks");
            }
            if (size > 0 && node[size - 1] == nodeid) {
                count[size - 1] += tasks;
                return;
            }
            if (size == node.length) {
                node = Arrays.copyOf(node, size * 2);
                count = Arrays.copyOf(count, size * 2);
            }
            node[size] = nodeid;
            count[size] = tasks;
            size++;
        }

        TaskMap toMap() {
            return new TaskMap(Arrays.copyOf(node, size), Arrays.copyOf(count, size));
        }
    }
}
