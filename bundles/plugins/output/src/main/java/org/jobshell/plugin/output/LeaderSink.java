package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jobshell.api.Shell;
import org.jobshell.api.TaskStream;

/**
 * The leader's end: lines to the terminal (labelled if asked), all of them, and to the output
 * eventlog up to {@code output.limit}. Once the terminal has failed, later output is dropped: the
 * job is ending, as a pipeline's writers do when their reader is gone.
 */
final class LeaderSink implements OutputSink {

    private final Labels labels;
    private final Terminal terminal;
    private final StoredOutput stored;

    LeaderSink(Shell shell, Labels labels, OutputLimit limit) {
        this.labels = labels;
        this.terminal = new Terminal(shell);
        this.stored = new StoredOutput(shell, limit);
    }

    @Override
    public void lines(int task, TaskStream stream, byte[] lines) {
        if (terminal.broken()) {
            return;
        }
        terminal.write(stream, labels.label(stream) ? label(task, lines) : lines);
        stored.data(task, stream, lines);
    }

    @Override
    public void eof(int task, TaskStream stream) {
        stored.eof(task, stream);
    }

    /** Every shell's output has arrived: reports what the eventlog did not keep. */
    void close() {
        stored.close();
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
