package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobshell.api.Args;
import org.jobshell.api.Idset;
import org.jobshell.api.LogLevel;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.Task;
import org.jobshell.api.TaskStream;

/**
 * The output plugin attached to one shell: its handlers and where each stream goes. A stream without
 * a file goes to the leader's terminal and output eventlog (other shells send it through
 * {@value #WRITE_METHOD}). A stream with a file template goes to files: each shell writes its own
 * tasks' files when the template renders per shell (or the job has one shell), else the leader
 * writes the one shared file and the others send it their output. With stderr in a file, the shell's
 * log lines go there too.
 */
final class JobOutput {

    /** The leader's service method that receives other shells' output. */
    static final String WRITE_METHOD = "output.write";
    private static final String SERVICE_REF = "output.service";

    private final PluginContext plugin;
    private OutputSink sink;
    private LeaderSink leader;
    private OutputFiles files;
    private OutputFile logFile;
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
        OutputConfig config = OutputConfig.of(options);
        OutputLimit limit = OutputLimit.of(options);
        files = new OutputFiles(shell, config.append());
        boolean isLeader = shell.info().rank() == 0;
        OutputFile[] shared = new OutputFile[TaskStream.values().length];
        OutputSink[] local = new OutputSink[shared.length];
        for (TaskStream s : TaskStream.values()) {
            String path = config.stream(s).path();
            if (path == null) {
                continue;
            }
            if (shell.info().size() == 1 || shell.rendersPerShell(path)) {
                Map<Integer, OutputFile> byTask = new HashMap<>();
                for (Task t : shell.tasks()) {
                    byTask.put(t.rank(), files.open(shell.render(path, t)));
                }
                local[s.ordinal()] = new FileSink(byTask, config.stream(s).label());
                List<Task> tasks = shell.tasks();
                if (s == TaskStream.STDERR && !tasks.isEmpty()) {
                    logFile = byTask.get(tasks.get(0).rank());
                }
            } else if (isLeader) {
                shared[s.ordinal()] = files.open(shell.render(path, null));
                logFile = s == TaskStream.STDERR ? shared[s.ordinal()] : logFile;
            }
        }
        OutputSink toTerminal = isLeader ? leaderSink(shell, config, limit, shared) : new ForwardingSink(shell);
        sink = new StreamSinks(local[0] != null ? local[0] : toTerminal, local[1] != null ? local[1] : toTerminal);
        if (logFile != null) {
            plugin.handle("shell.log", this::logToFile);
        }
    }

    private LeaderSink leaderSink(Shell shell, OutputConfig config, OutputLimit limit, OutputFile[] shared) {
        LeaderSink leaderSink = new LeaderSink(shell, config, limit, shared);
        leader = leaderSink;
        shell.register(WRITE_METHOD, request -> {
            leaderSink.receive(request);
            return null;
        });
        if (shell.info().size() > 1) {
            // keep serving the other shells until all of them finished
            shell.holdCompletion(SERVICE_REF);
            holdsService = true;
        }
        BitSet all = new BitSet();
        all.set(0, shell.info().totalTasks());
        String ranks = shell.info().totalTasks() == 1 ? "0" : "[" + Idset.encode(all) + "]";
        for (TaskStream s : TaskStream.values()) {
            String path = config.stream(s).path();
            if (path != null) {
                ObjectNode ctx = JsonNodeFactory.instance.objectNode();
                ctx.put("stream", s.label());
                ctx.put("rank", ranks);
                ctx.put("path", shell.render(path, null));
                shell.eventlog("output").append("redirect", ctx);
            }
        }
        return leaderSink;
    }

    /** With stderr in a file, the shell's log lines shown to the user go there as well. */
    private void logToFile(Shell shell, String topic, Args args) {
        LogLevel level = LogLevel.ofSeverity(args.in().path("level").asInt());
        if (!shell.log().enabled(level)) {
            return;
        }
        String component = args.in().hasNonNull("component") ? args.in().get("component").asText() : null;
        logFile.write(level.line(args.in().path("rank").asInt(), component, args.in().path("message").asText())
                .getBytes(StandardCharsets.UTF_8));
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
        if (files != null) {
            files.close();
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
