package org.jobshell.plugin.output;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jobshell.api.OutputListener;
import org.jobshell.api.Task;
import org.jobshell.api.TaskStream;

/**
 * Turns one task stream's raw chunks into whole lines: complete lines go to the sink at once, a
 * partial line waits for its end (or for end of file, or for 1 MiB without a newline).
 */
final class LineAssembler implements OutputListener {

    static final int MAX_PENDING = 1 << 20;

    private final OutputSink sink;
    private byte[] pending = new byte[0];
    private int pendingLength;

    LineAssembler(OutputSink sink) {
        this.sink = sink;
    }

    @Override
    public void data(Task task, TaskStream stream, ByteBuffer data) {
        int start = data.position();
        int end = data.limit();
        int lastNewline = -1;
        for (int i = end - 1; i >= start; i--) {
            if (data.get(i) == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline < 0) {
            append(data, start, end);
            if (pendingLength >= MAX_PENDING) {
                flush(task, stream);
            }
            return;
        }
        int head = lastNewline + 1 - start;
        byte[] lines = Arrays.copyOf(pending, pendingLength + head);
        data.get(start, lines, pendingLength, head);
        pendingLength = 0;
        sink.lines(task.rank(), stream, lines);
        append(data, lastNewline + 1, end);
    }

    @Override
    public void eof(Task task, TaskStream stream) {
        flush(task, stream);
        sink.eof(task.rank(), stream);
    }

    private void flush(Task task, TaskStream stream) {
        if (pendingLength > 0) {
            byte[] rest = Arrays.copyOf(pending, pendingLength);
            pendingLength = 0;
            sink.lines(task.rank(), stream, rest);
        }
    }

    private void append(ByteBuffer data, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + n, pending.length * 2));
        }
        data.get(from, pending, pendingLength, n);
        pendingLength += n;
    }
}
