package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jobshell.api.Eventlog;
import org.jobshell.api.Shell;
import org.jobshell.api.TaskStream;

/** The leader's end: lines to the terminal (labelled if asked) and to the output eventlog. */
final class LeaderSink implements OutputSink {

    private final Labels labels;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final Eventlog eventlog;
    private final Shell shell;
    private volatile boolean terminalGone;

    LeaderSink(Shell shell, Labels labels) {
        this.shell = shell;
        this.labels = labels;
        this.stdout = shell.terminal(TaskStream.STDOUT);
        this.stderr = shell.terminal(TaskStream.STDERR);
        this.eventlog = shell.eventlog("output");
    }

    @Override
    public void lines(int task, TaskStream stream, byte[] lines) {
        if (!terminalGone) {
            byte[] shown = labels.label(stream) ? label(task, lines) : lines;
            try {
                (stream == TaskStream.STDOUT ? stdout : stderr).write(shown);
            } catch (IOException e) {
                // the reader went away (jobshell run ... | head): keep the job and the eventlog going
                terminalGone = true;
                shell.log().debug("the terminal is gone (" + e.getMessage() + "): task output only goes to the"
                        + " output eventlog from now on");
            }
        }
        ObjectNode ctx = context(task, stream);
        ctx.put("data", JobOutput.text(lines));
        eventlog.append("data", ctx);
    }

    @Override
    public void eof(int task, TaskStream stream) {
        ObjectNode ctx = context(task, stream);
        ctx.put("eof", true);
        eventlog.append("data", ctx);
    }

    /** Output forwarded by another shell through {@value JobOutput#WRITE_METHOD}. */
    void receive(JsonNode payload) {
        int task = Integer.parseInt(payload.path("rank").asText());
        TaskStream stream = "stderr".equals(payload.path("stream").asText()) ? TaskStream.STDERR : TaskStream.STDOUT;
        byte[] data = JobOutput.data(payload);
        if (data != null) {
            lines(task, stream, data);
        }
        if (payload.path("eof").asBoolean(false)) {
            eof(task, stream);
        }
    }

    private static ObjectNode context(int task, TaskStream stream) {
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("stream", stream.label());
        ctx.put("rank", Integer.toString(task));
        return ctx;
    }

    /** Prefixes every line with {@code <task>: }, ending a last partial line. */
    static byte[] label(int task, byte[] lines) {
        byte[] prefix = (task + ": ").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines.length + 8 * prefix.length);
        int start = 0;
        while (start < lines.length) {
            int nl = start;
            while (nl < lines.length && lines[nl] != '\n') {
                nl++;
            }
            out.write(prefix, 0, prefix.length);
            out.write(lines, start, nl - start);
            out.write('\n');
            start = nl + 1;
        }
        return out.toByteArray();
    }
}
