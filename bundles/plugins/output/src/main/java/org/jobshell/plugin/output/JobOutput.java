package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.jobshell.api.Args;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.Task;
import org.jobshell.api.TaskStream;

/** The output plugin attached to one shell: its handlers and where its lines go. */
final class JobOutput {

    /** The leader's service method that receives other shells' output. */
    static final String WRITE_METHOD = "output.write";
    private static final String SERVICE_REF = "output.service";

    private final PluginContext plugin;
    private OutputSink sink;
    private LeaderSink leader;
    private boolean holdsService;

    JobOutput(PluginContext plugin) {
        this.plugin = plugin;
        plugin.handle("shell.init", this::init);
        plugin.handle("task.init", this::taskInit);
        plugin.handle("shell.tasks-complete", this::tasksComplete);
        plugin.handle("shell.exit", this::exit);
    }

    private void init(Shell shell, String topic, Args args) {
        JsonNode options = shell.options().get("output");
        Labels labels = Labels.of(options);
        OutputLimit limit = OutputLimit.of(options);
        if (shell.info().rank() == 0) {
            LeaderSink leaderSink = new LeaderSink(shell, labels, limit);
            leader = leaderSink;
            sink = leaderSink;
            shell.register(WRITE_METHOD, request -> {
                leaderSink.receive(request);
                return null;
            });
            if (shell.info().size() > 1) {
                // keep serving the other shells until all of them finished
                shell.holdCompletion(SERVICE_REF);
                holdsService = true;
            }
        } else {
            sink = new ForwardingSink(shell);
        }
    }

    private void taskInit(Shell shell, String topic, Args args) {
        Task task = shell.currentTask();
        for (TaskStream s : TaskStream.values()) {
            task.subscribe(s, new LineAssembler(sink));
        }
    }

    private void tasksComplete(Shell shell, String topic, Args args) {
        if (holdsService) {
            holdsService = false;
            shell.releaseCompletion(SERVICE_REF);
        }
    }

    private void exit(Shell shell, String topic, Args args) {
        tasksComplete(shell, topic, args);
        if (leader != null) {
            leader.close();
        }
    }

    /** @return the {@value #WRITE_METHOD} payload for a chunk of output */
    static ObjectNode payload(int rank, TaskStream stream, byte[] data, boolean eof) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("stream", stream.label());
        o.put("rank", Integer.toString(rank));
        if (data != null) {
            o.put("data", Base64.getEncoder().encodeToString(data));
        }
        if (eof) {
            o.put("eof", true);
        }
        return o;
    }

    /** @return the bytes of a {@value #WRITE_METHOD} payload */
    static byte[] data(JsonNode payload) {
        JsonNode d = payload.get("data");
        return d == null ? null : Base64.getDecoder().decode(d.asText());
    }
}
