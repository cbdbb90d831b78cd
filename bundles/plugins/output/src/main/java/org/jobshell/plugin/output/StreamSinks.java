package org.jobshell.plugin.output;

import org.jobshell.api.TaskStream;

/** Sends each stream of a task to its own sink: stdout to a file and stderr to the terminal, say. */
final class StreamSinks implements OutputSink {

    private final OutputSink stdout;
    private final OutputSink stderr;

    StreamSinks(OutputSink stdout, OutputSink stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    private OutputSink of(TaskStream stream) {
        return stream == TaskStream.STDOUT ? stdout : stderr;
    }

    @Override
    public void lines(int task, TaskStream stream, byte[] lines) {
        of(stream).lines(task, stream, lines);
    }

    @Override
    public void eof(int task, TaskStream stream) {
        of(stream).eof(task, stream);
    }
}
