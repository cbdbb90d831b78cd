package org.jobshell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the version 1 jobspec of a {@code jobshell run} command line, as {@code flux run} does:
 * {@code -N M} becomes M nodes each holding ceil(n/M) task slots; without {@code -N} the slots stand
 * alone; the task count is per slot when it divides evenly and a total otherwise. Environment values
 * holding a mustache tag go to option {@code env-expand} instead of the environment.
 */
final class JobspecBuilder {

    private final ObjectMapper mapper;

    JobspecBuilder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param run the parsed command line
     * @param environment the job environment
     * @param cwd the working directory of the tasks
     * @return the jobspec
     */
    ObjectNode build(RunRequest run, Map<String, String> environment, Path cwd) {
        int nodes = run.nodes() == null ? 1 : run.nodes();
        int ntasks = run.ntasks() != null ? run.ntasks() : nodes;
        int slotsPerNode = (ntasks + nodes - 1) / nodes;

        ObjectNode spec = mapper.createObjectNode();
        spec.put("version", 1);
        ArrayNode resources = spec.putArray("resources");
        ArrayNode slotParent = resources;
        if (run.nodes() != null) {
            ObjectNode node = resources.addObject();
            node.put("type", "node");
            node.put("count", nodes);
            slotParent = node.putArray("with");
        }
        ObjectNode slot = slotParent.addObject();
        slot.put("type", "slot");
        slot.put("count", run.nodes() != null ? slotsPerNode : ntasks);
        slot.put("label", "task");
        ObjectNode core = slot.putArray("with").addObject();
        core.put("type", "core");
        core.put("count", run.coresPerTask());

        ObjectNode task = spec.putArray("tasks").addObject();
        ArrayNode command = task.putArray("command");
        run.command().forEach(command::add);
        task.put("slot", "task");
        if (slotsPerNode * nodes == ntasks) {
            task.putObject("count").put("per_slot", 1);
        } else {
            task.putObject("count").put("total", ntasks);
        }

        ObjectNode system = spec.putObject("attributes").putObject("system");
        double limit = run.timeLimit();
        if (limit == Math.rint(limit)) {
            system.put("duration", (long) limit); // 0, 300: as flux run writes them
        } else {
            system.put("duration", limit);
        }
        system.put("cwd", cwd.toString());
        ObjectNode env = system.putObject("environment");
        ObjectNode options = run.options().deepCopy();
        environment.forEach((name, value) -> {
            if (value.contains("{{")) {
                // a template (--env='OUT=/scratch/{{id}}'): the env-expand plugin renders it, per task if need be
                JsonNode expand = options.get("env-expand");
                (expand instanceof ObjectNode ? (ObjectNode) expand : options.putObject("env-expand")).put(name, value);
            } else {
                env.put(name, value);
            }
        });
        system.putObject("shell").set("options", options);
        return spec;
    }

    /**
     * Adds the command line's shell options to a jobspec read from a file.
     *
     * @param spec the jobspec
     * @param options the options to merge in (later wins)
     * @param file the file, for messages
     * @return the jobspec
     */
    static ObjectNode mergeOptions(ObjectNode spec, ObjectNode options, Path file) {
        if (options.isEmpty()) {
            return spec;
        }
        ObjectNode at = spec;
        for (String field : List.of("attributes", "system", "shell", "options")) {
            if (!at.has(field)) {
                at.putObject(field);
            } else if (!at.get(field).isObject()) {
                throw new UsageException(file + ": jobspec: " + field + ": must be an object to add -o options");
            }
            at = (ObjectNode) at.get(field);
        }
        at.setAll(options);
        return spec;
    }
}
