package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jobshell.api.ShellException;

/**
 * A validated version 1 jobspec (Flux RFCs 14 and 25): what the job runs and with which resources.
 * {@link #parse} names the offending field in its error. What the RFCs require is required:
 * {@code version} 1, {@code resources}, {@code tasks} and {@code attributes.system}; a slot with a
 * {@code label}, which the task's {@code slot} names.
 *
 * @param json the jobspec as given
 * @param command the task command and arguments
 * @param totalTasks the number of tasks of the job
 * @param nnodes the number of shells (nodes) requested
 * @param coresPerSlot cores per task slot
 * @param gpusPerSlot GPUs per task slot
 * @param tasksPerSlot tasks per slot: {@code count.per_slot}, or for a {@code count.total} the total
 *     spread over every slot of the job (rounded up)
 * @param cwd the working directory, or null
 * @param environment the job environment
 * @param options the shell options
 * @param duration the time limit in seconds, 0 for none
 */
public record Jobspec(ObjectNode json, List<String> command, int totalTasks, int nnodes, int coresPerSlot,
        int gpusPerSlot, int tasksPerSlot, String cwd, Map<String, String> environment, ObjectNode options,
        double duration) {

    /**
     * Validates a jobspec.
     *
     * @param node the parsed JSON
     * @return the jobspec
     * @throws ShellException {@code jobspec: <field>: <problem>}
     */
    public static Jobspec parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw bad("", "must be a JSON object");
        }
        ObjectNode json = (ObjectNode) node;
        JsonNode version = required(json, "version", "");
        if (!(version.isInt() && version.intValue() == 1)) {
            throw bad("version", "must be 1, got " + version);
        }
        JsonNode tasks = required(json, "tasks", "");
        if (!tasks.isArray() || tasks.size() != 1) {
            throw bad("tasks", "must be an array of exactly one task");
        }
        JsonNode task = tasks.get(0);
        List<String> command = command(task.get("command"));
        JobspecSlots slots = JobspecSlots.of(required(json, "resources", ""));
        slotReference(task.get("slot"), slots.label());
        int total = slots.taskCount(task.get("count"));
        if (total < slots.nnodes()) {
            throw bad("tasks[0].count", total + " task(s) cannot fill " + slots.nnodes() + " nodes");
        }
        JsonNode system = object(object(json, "attributes", ""), "system", "attributes.");
        String cwd = optionalString(system, "cwd");
        Map<String, String> env = environment(system.get("environment"));
        ObjectNode options = shellOptions(json);
        double duration = duration(system.get("duration"));
        int tasksPerSlot = ceilDiv(total, (long) slots.slotsPerNode() * slots.nnodes());
        return new Jobspec(json, List.copyOf(command), total, slots.nnodes(), slots.cores(), slots.gpus(), tasksPerSlot,
                cwd, Collections.unmodifiableMap(env), options, duration);
    }

    /**
     * The cores that tasks of this job ask for on one node: the slots they fill, {@code
     * ceil(ntasks / tasksPerSlot)}, times {@link #coresPerSlot}. For a {@code jobshell run}
     * jobspec (one task per slot) that is {@code ntasks * -c}.
     *
     * @param ntasks the number of tasks on that node
     * @return the cores they ask for
     */
    public long coresFor(int ntasks) {
        return (long) ceilDiv(ntasks, tasksPerSlot) * coresPerSlot;
    }

    private static int ceilDiv(long n, long d) {
        return (int) ((n + d - 1) / d);
    }

    static JsonNode required(JsonNode obj, String field, String prefix) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            throw bad(prefix + field, "missing");
        }
        return v;
    }

    private static JsonNode object(JsonNode obj, String field, String prefix) {
        JsonNode v = required(obj, field, prefix);
        if (!v.isObject()) {
            throw bad(prefix + field, "must be an object");
        }
        return v;
    }

    private static void slotReference(JsonNode slot, String label) {
        if (slot == null || slot.isNull()) {
            throw bad("tasks[0].slot", "missing: it names the task slot (here \"" + label + "\") the tasks run in");
        }
        if (!slot.isTextual()) {
            throw bad("tasks[0].slot", "must be a string, got " + slot);
        }
        if (!slot.textValue().equals(label)) {
            throw bad("tasks[0].slot", "names no slot: \"" + slot.textValue() + "\" (the slot's label is \"" + label
                    + "\")");
        }
    }

    private static List<String> command(JsonNode cmd) {
        if (cmd == null || !cmd.isArray() || cmd.isEmpty()) {
            throw bad("tasks[0].command", "must be a non-empty array of strings");
        }
        List<String> argv = new ArrayList<>();
        for (JsonNode a : cmd) {
            if (!a.isTextual()) {
                throw bad("tasks[0].command", "must be a non-empty array of strings, got " + a);
            }
            argv.add(a.textValue());
        }
        if (argv.get(0).isEmpty()) {
            throw bad("tasks[0].command[0]", "must not be empty");
        }
        return argv;
    }

    private static String optionalString(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad("attributes.system." + field, "must be a string");
        }
        return v.textValue();
    }

    private static Map<String, String> environment(JsonNode env) {
        Map<String, String> map = new TreeMap<>();
        if (env == null || env.isNull()) {
            return map;
        }
        if (!env.isObject()) {
            throw bad("attributes.system.environment", "must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> e : env.properties()) {
            if (!e.getValue().isTextual()) {
                throw bad("attributes.system.environment." + e.getKey(), "must be a string");
            }
            map.put(e.getKey(), e.getValue().textValue());
        }
        return map;
    }

    /**
     * @param jobspec a jobspec
     * @return a copy of its shell options, {@code attributes.system.shell.options}; empty when it has none
     * @throws ShellException when they are not an object
     */
    static ObjectNode shellOptions(JsonNode jobspec) {
        JsonNode options = jobspec.path("attributes").path("system").path("shell").get("options");
        if (options == null || options.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!options.isObject()) {
            throw bad("attributes.system.shell.options", "must be an object");
        }
        return ((ObjectNode) options).deepCopy();
    }

    private static double duration(JsonNode d) {
        if (d == null || d.isNull()) {
            return 0;
        }
        if (!d.isNumber() || d.doubleValue() < 0) {
            throw bad("attributes.system.duration", "must be a number of seconds >= 0");
        }
        return d.doubleValue();
    }

    /** @return {@code jobspec: <field>: <problem>} */
    static ShellException bad(String field, String problem) {
        return new ShellException(field.isEmpty() ? "jobspec: " + problem : "jobspec: " + field + ": " + problem);
    }
}
