package org.jobshell.plugin.envexpand;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Task;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code env-expand} plugin (spec §3.2): option {@code env-expand} maps variable names to
 * mustache templates ({@code jobshell run --env='OUT=/scratch/{{id}}/{{taskid}}'} puts the variables
 * whose values hold a tag there). At {@code shell.init} each is rendered for the job; one rendered whole is set in
 * the job environment, the others are rendered per task at {@code task.init} into that task's.
 */
@Component(property = {ShellPlugin.NAME + "=env-expand", "service.ranking:Integer=84"})
public final class EnvExpandPlugin implements ShellPlugin {

    static final String OPTION = "env-expand";

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(OptionSpec.of(OPTION, OptionSpec.Type.OBJECT).syntax("{VAR: TEMPLATE}")
                .help("variables set from mustache templates, per task when they use task tags (--env='V={{...}}')")
                .check(EnvExpandPlugin::check));
        Map<String, String> perTask = new LinkedHashMap<>();
        plugin.handle("shell.init", (shell, topic, args) -> init(shell, perTask));
        plugin.handle("task.init", (shell, topic, args) -> taskInit(shell, perTask));
    }

    private static void check(JsonNode value) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new ShellException(e.getKey() + " must be a template string, got " + e.getValue());
            }
        }
    }

    private static void init(Shell shell, Map<String, String> perTask) {
        JsonNode option = shell.options().get(OPTION);
        if (option == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = option.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String rendered = shell.render(e.getValue().asText(), null);
            if (rendered.contains("{{")) {
                perTask.put(e.getKey(), e.getValue().asText());
            } else {
                shell.environment().set(e.getKey(), rendered);
            }
        }
    }

    private static void taskInit(Shell shell, Map<String, String> perTask) {
        Task task = shell.currentTask();
        perTask.forEach((name, template) -> task.launch().environment().set(name, shell.render(template)));
    }
}
