package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.jobshell.api.Args;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Task;
import org.jobshell.core.util.JobIds;

/**
 * Mustache templates of one shell (spec §6.1-6.2): {@code {{tag}}} is replaced by what the tag
 * names, and a tag nobody resolves stays as it is, braces included; the tag is the exact text between
 * the braces (no trimming, nesting or escapes). The core resolves {@code id[.ENC]} (and
 * {@code jobid...}), {@code name}, {@code nnodes}, {@code ntasks}/{@code size},
 * {@code task.id|rank|index|localid} (and {@code taskid}) in a task's context, and {@code node.PATH}
 * from a shell's rank info ({@code node.cores}, {@code node.gpus}, {@code node.ncores} are short for
 * {@code node.resources.*}). Any other tag is asked of the plugins on topic
 * {@code mustache.render.<tag>}: the OUT string {@code result} replaces it.
 */
final class Mustache {

    /** Longer tags are not dispatched (the reference's topic buffer). */
    static final int MAX_PLUGIN_TAG = 110;
    private static final Set<String> FLUX_ONLY_ENCODINGS = Set.of("words", "emoji");

    private final ShellScope scope;

    Mustache(ShellScope scope) {
        this.scope = scope;
    }

    /**
     * Renders the templates among a task's arguments, in place (between {@code task.init} and
     * {@code task.exec}, spec §2.1, S23).
     *
     * @param argv the task's command line
     * @param task the task
     * @param shellRank its shell
     */
    void renderAll(List<String> argv, Task task, int shellRank) {
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.contains("{{")) {
                argv.set(i, render(arg, task, shellRank));
            }
        }
    }

    /**
     * @param template the template
     * @param task the task whose {@code task.*} tags apply, or null for none
     * @param shellRank the shell whose {@code node.*} tags apply; outside the job they stay as they are
     * @return the rendered text
     */
    String render(String template, Task task, int shellRank) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            out.append(template, at, open);
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                scope.logger().log(null, LogLevel.ERROR, "mustache: template '" + template
                        + "' has a '{{' without '}}': kept as it is");
                at = open;
                break;
            }
            String value = resolve(template.substring(open + 2, close), task, shellRank);
            out.append(value == null ? template.substring(open, close + 2) : value);
            at = close + 2;
        }
        out.append(template, at, template.length());
        return out.toString();
    }

    /**
     * @param template a template
     * @param firstTask this shell's first task, or null
     * @param shellRank this shell
     * @return whether each shell renders its own (see {@link org.jobshell.api.Shell#rendersPerShell})
     */
    boolean perShell(String template, Task firstTask, int shellRank) {
        if (scope.info().size() == 1) {
            return false;
        }
        if (template.contains("{{tmpdir}}")) {
            return true;
        }
        String own = render(template, null, shellRank);
        return !render(template, null, 0).equals(render(template, null, 1))
                || firstTask != null && !render(template, firstTask, shellRank).equals(own);
    }

    private String resolve(String tag, Task task, int shellRank) {
        String name = tag.startsWith("jobid") ? tag.substring("job".length()) : tag.equals("taskid") ? "task.id" : tag;
        if (name.startsWith("id")) {
            return jobId(name);
        }
        switch (name) {
            case "name":
                return jobName();
            case "nnodes":
                return Integer.toString(scope.info().size());
            case "ntasks":
            case "size":
                return Integer.toString(scope.info().totalTasks());
            default:
                break;
        }
        if (name.startsWith("task.")) {
            return task == null ? null : taskTag(name.substring("task.".length()), task);
        }
        if (name.startsWith("node.")) {
            return nodeTag(name.substring("node.".length()), shellRank);
        }
        return fromPlugins(name);
    }

    private String jobId(String name) {
        if (name.equals("id")) {
            return scope.info().jobIdString();
        }
        if (!name.startsWith("id.")) {
            return null; // {{idle}} and the like: never a plugin's
        }
        String encoding = name.substring(3);
        String id = JobIds.encode(scope.info().jobId(), encoding);
        if (id == null) {
            scope.logger().log(null, LogLevel.ERROR, FLUX_ONLY_ENCODINGS.contains(encoding)
                    ? "jobid encoding '" + name + "' is not available in jobshell: kept as it is"
                    : "Invalid jobid encoding '" + name + "' specified");
        }
        return id;
    }

    private String jobName() {
        JsonNode spec = scope.info().jobspec();
        JsonNode name = spec.path("attributes").path("system").path("job").path("name");
        if (name.isTextual() && !name.textValue().isEmpty()) {
            return name.textValue();
        }
        String argv0 = spec.path("tasks").path(0).path("command").path(0).asText("");
        String base = argv0.substring(argv0.lastIndexOf('/') + 1);
        return base.isEmpty() ? "unknown" : base;
    }

    private static String taskTag(String key, Task task) {
        switch (key) {
            case "id":
            case "rank":
                return Integer.toString(task.rank());
            case "index":
            case "localid":
                return Integer.toString(task.localId());
            default:
                return null;
        }
    }

    private String nodeTag(String path, int shellRank) {
        if (shellRank < 0 || shellRank >= scope.info().size()) {
            return null;
        }
        String full = path.equals("cores") || path.equals("gpus") || path.equals("ncores") ? "resources." + path : path;
        JsonNode v = scope.rankInfo(shellRank).toJson();
        for (String key : full.split("\\.", -1)) {
            v = v.get(key);
            if (v == null) {
                return null;
            }
        }
        return v.isContainerNode() ? v.toString() : v.asText();
    }

    private String fromPlugins(String name) {
        if (name.length() > MAX_PLUGIN_TAG) {
            scope.logger().log(null, LogLevel.ERROR, "mustache: tag '" + name.substring(0, 20) + "...' is longer than "
                    + MAX_PLUGIN_TAG + " characters: kept as it is");
            return null;
        }
        Args args = new Args();
        scope.topics().call("mustache.render." + name, args);
        JsonNode result = args.out().get("result");
        return result != null && result.isTextual() ? result.textValue() : null;
    }
}
