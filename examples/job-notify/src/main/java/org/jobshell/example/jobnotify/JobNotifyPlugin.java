package org.jobshell.example.jobnotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jobshell.api.Args;
import org.jobshell.api.Handler;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Topics;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin {@code job-notify}: when a job ends ({@code job.succeeded}, {@code job.failed},
 * {@code job.killed}), appends one JSON line about it to the file its configuration
 * {@code org.jobshell.example.jobnotify} names ({@code file}): {@code {"event", "id", "owner",
 * "exitcode", "runtime", "ntasks", "command"}}. The seed's e-mail and Slack notifiers, without the
 * network. The topics are asynchronous: a slow disk never delays a job's exit code.
 */
@Component(configurationPid = JobNotifyPlugin.PID,
        property = {ShellPlugin.NAME + "=job-notify", "service.ranking:Integer=100"})
public final class JobNotifyPlugin implements ShellPlugin {

    /** The configuration PID. */
    public static final String PID = "org.jobshell.example.jobnotify";

    @Override
    public void attach(PluginContext plugin) {
        JsonNode file = plugin.conf().get("file");
        if (file == null || file.asText().isBlank()) {
            return;
        }
        Path path = Path.of(file.asText().trim());
        Object lock = new Object();
        Handler append = (shell, topic, args) -> {
            String line = line(topic, args) + "\n";
            synchronized (lock) {
                Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        };
        plugin.handle(Topics.JOB_SUCCEEDED, append).handle(Topics.JOB_FAILED, append).handle(Topics.JOB_KILLED, append);
    }

    private static String line(String topic, Args args) {
        JsonNode in = args.in();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("event", topic.substring("job.".length()));
        o.set("id", in.get("id"));
        o.set("owner", in.get("owner"));
        o.set("exitcode", in.get("exitcode"));
        o.set("runtime", in.get("runtime"));
        o.set("ntasks", in.path("jobspec").get("ntasks"));
        o.set("command", in.path("jobspec").get("command"));
        return o.toString();
    }
}
