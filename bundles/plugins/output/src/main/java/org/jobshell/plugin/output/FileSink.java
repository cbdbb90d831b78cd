package org.jobshell.plugin.output;

import java.util.Map;
import org.jobshell.api.TaskStream;

/** One stream of this shell's tasks going to files: each task's to the file its template gave it. */
final class FileSink implements OutputSink {

    private final Map<Integer, OutputFile> byTask;
    private final boolean label;

    /**
     * @param byTask each local task's file
     * @param label whether lines are prefixed {@code <task rank>: }
     */
    FileSink(Map<Integer, OutputFile> byTask, boolean label) {
        this.byTask = Map.copyOf(byTask);
        this.label = label;
    }

    @Override
    public void lines(int task, TaskStream stream, byte[] lines) {
        byTask.get(task).write(label ? LeaderSink.label(task, lines) : lines);
    }

    @Override
    public void eof(int task, TaskStream stream) {
        // the file stays open for the other tasks sharing it; it is closed at shell.exit
    }
}
