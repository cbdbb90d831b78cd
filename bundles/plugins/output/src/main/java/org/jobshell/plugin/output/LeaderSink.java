package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jobshell.api.Shell;
import org.jobshell.api.TaskStream;

/**
 * The leader's end: lines to the terminal (labelled if asked), all of them, and to the output
 * eventlog up to {@code output.limit}; or, for a stream whose file every shell shares, to that file
 * only. Once the terminal has failed, later output is dropped: the job is ending, as a pipeline's
 * writers do when their reader is gone.
 */
final class LeaderSink implements OutputSink {

    private final OutputConfig config;
    private final OutputFile[] shared;
    private final Terminal terminal;
    private final StoredOutput stored;

    /**
     * @param shell the leader
     * @param config the output settings
     * @param limit what the eventlog keeps
     * @param shared per stream (by ordinal), the file all shells' output goes to, or null
     */
    LeaderSink(Shell shell, OutputConfig config, OutputLimit limit, OutputFile[] shared) {
        this.config = config;
        this.shared = shared.clone();
        this.terminal = new Terminal(shell);
        this.stored = new StoredOutput(shell, limit);
    }

    @Override
    public void lines(int task, TaskStream stream, byte[] lines) {
        byte[] shown = config.stream(stream).label() ? label(task, lines) : lines;
        OutputFile file = shared[stream.ordinal()];
        if (file != null) {
            file.write(shown);
            return;
        }
        if (terminal.broken()) {
            return;
        }
        terminal.write(stream, shown);
        stored.data(task, stream, lines);
    }

    @Override
    public void eof(int task, TaskStream stream) {
        if (shared[stream.ordinal()] == null) {
            stored.eof(task, stream);
        }
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
