package org.jobshell.itests;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds version 1 jobspecs (the Flux format the core accepts): N task slots of one core each,
 * one task per slot, a working directory, an environment with {@code PATH}, and shell options.
 */
public final class JobspecBuilder {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final ObjectNode options = JSON.objectNode();
    private int tasks = 1;
    private int nodes;

    private JobspecBuilder(List<String> command) {
        this.command = List.copyOf(command);
        String path = System.getenv("PATH");
        environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
    }

    /**
     * @param argv the task command and its arguments
     * @return a builder for a one-task job
     */
    public static JobspecBuilder command(String... argv) {
        return new JobspecBuilder(List.of(argv));
    }

    /**
     * @param script a {@code sh -c} script
     * @return a builder for a one-task job running it
     */
    public static JobspecBuilder shell(String script) {
        return command("sh", "-c", script);
    }

    /**
     * @param n the number of tasks
     * @return this builder
     */
    public JobspecBuilder tasks(int n) {
        this.tasks = n;
        return this;
    }

    /**
     * @param n the number of shells (nodes) the tasks are spread over, as {@code -N n} does
     * @return this builder
     */
    public JobspecBuilder nodes(int n) {
        this.nodes = n;
        return this;
    }

    /**
     * Sets a shell option, as {@code -o name=value} does.
     *
     * @param name the option
     * @param value a string value
     * @return this builder
     */
    public JobspecBuilder option(String name, String value) {
        options.put(name, value);
        return this;
    }

    /**
     * @param name the option
     * @param value an integer value
     * @return this builder
     */
    public JobspecBuilder option(String name, int value) {
        options.put(name, value);
        return this;
    }

    /**
     * @param name an environment variable of the job
     * @param value its value
     * @return this builder
     */
    public JobspecBuilder env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** @return the jobspec */
    public ObjectNode build() {
        ObjectNode spec = JSON.objectNode();
        spec.put("version", 1);
        ObjectNode slot = spec.putArray("resources").addObject();
        if (nodes > 0) {
            slot.put("type", "node").put("count", nodes);
            slot = slot.putArray("with").addObject();
        }
        slot.put("type", "slot");
        slot.put("count", nodes > 0 ? (tasks + nodes - 1) / nodes : tasks);
        slot.put("label", "task");
        ObjectNode core = slot.putArray("with").addObject();
        core.put("type", "core");
        core.put("count", 1);
        ObjectNode task = spec.putArray("tasks").addObject();
        command.forEach(task.putArray("command")::add);
        task.put("slot", "task");
        task.putObject("count").put("per_slot", 1);
        ObjectNode system = spec.putObject("attributes").putObject("system");
        system.put("cwd", System.getProperty("user.dir"));
        ObjectNode env = system.putObject("environment");
        environment.forEach(env::put);
        system.putObject("shell").set("options", options.deepCopy());
        return spec;
    }
}
