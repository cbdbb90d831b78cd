package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobshell.api.Args;
import org.jobshell.api.TaskMap;

/**
 * Step S13 of a shell (spec §7.2): applies option {@code taskmap} = {@code {scheme, value?}} after the
 * plugins attached and before the tasks are created. {@code block} (the default) keeps the map,
 * {@code manual} decodes its value, any other scheme is asked of the plugins on topic
 * {@code taskmap.<scheme>} (IN {@code {taskmap, scheme, value}}, the last OUT {@code taskmap}
 * wins). The new map must place as many tasks on as many shells as the current one; every mistake
 * fails the job in one line.
 */
final class ShellTaskmap {

    private ShellTaskmap() {
    }

    /**
     * @param current the default layout
     * @param options the shell's options
     * @param topics calls {@code taskmap.<scheme>}
     * @param failure fails the job
     * @return the layout to create the tasks with
     * @throws org.jobshell.core.stack.Fatal on a bad option, an unmapped scheme or an invalid map
     */
    static TaskLayout apply(TaskLayout current, JobOptions options, TopicCalls topics, ShellFailure failure) {
        JsonNode option = options.get("taskmap");
        if (option == null) {
            return current;
        }
        if (!option.isObject()) {
            throw failure.fail(1, "option taskmap: must be an object {scheme, value}, got " + option
                    + " (use --taskmap=SCHEME[:VALUE])");
        }
        JsonNode schemeNode = option.get("scheme");
        if (schemeNode == null || !schemeNode.isTextual() || schemeNode.textValue().isEmpty()) {
            throw failure.fail(1, "option taskmap: no scheme given (taskmap.scheme; use --taskmap=SCHEME[:VALUE])");
        }
        String scheme = schemeNode.textValue();
        JsonNode valueNode = option.get("value");
        if (valueNode != null && !valueNode.isValueNode()) {
            throw failure.fail(1, "option taskmap.value: must be a string, got " + valueNode);
        }
        String value = valueNode == null || valueNode.isNull() ? "" : valueNode.asText();
        TaskMap map;
        switch (scheme) {
            case "block":
                if (!value.isEmpty()) {
                    throw failure.fail(1, "block taskmap does not accept a value (got " + value + ")");
                }
                return current;
            case "manual":
                map = decode(value, "taskmap manual", failure);
                break;
            default:
                map = fromPlugins(current, scheme, value, topics, failure);
        }
        check(map, current.taskmap(), scheme, failure);
        return new TaskLayout(map, current.shells());
    }

    private static TaskMap fromPlugins(TaskLayout current, String scheme, String value, TopicCalls topics,
            ShellFailure failure) {
        Args args = new Args();
        args.in().put("taskmap", current.taskmap().encode());
        args.in().put("scheme", scheme);
        args.in().put("value", value);
        topics.call("taskmap." + scheme, args);
        JsonNode out = args.out().get("taskmap");
        if (out == null || out.isNull()) {
            throw failure.fail(1, "failed to map tasks with scheme=" + scheme + ": no plugin handles taskmap."
                    + scheme);
        }
        if (out.isTextual()) {
            return decode(out.textValue(), "taskmap." + scheme, failure);
        }
        try {
            return TaskMap.fromJson(out);
        } catch (IllegalArgumentException e) {
            throw failure.fail(1, "taskmap." + scheme + ": " + e.getMessage());
        }
    }

    private static TaskMap decode(String text, String what, ShellFailure failure) {
        try {
            return TaskMap.decode(text);
        } catch (IllegalArgumentException e) {
            throw failure.fail(1, what + ": " + e.getMessage());
        }
    }

    private static void check(TaskMap map, TaskMap current, String scheme, ShellFailure failure) {
        String what = "taskmap scheme=" + scheme + ": ";
        if (map.isUnknown()) {
            throw failure.fail(1, what + "the task map is empty (unknown)");
        }
        if (map.nnodes() != current.nnodes()) {
            throw failure.fail(1, what + "got " + map.nnodes() + " nodes, expected " + current.nnodes());
        }
        if (map.totalTasks() != current.totalTasks()) {
            throw failure.fail(1, what + "got " + map.totalTasks() + " total tasks, expected "
                    + current.totalTasks());
        }
    }
}
