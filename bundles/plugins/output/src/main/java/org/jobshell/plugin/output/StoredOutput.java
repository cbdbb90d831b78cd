package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.jobshell.api.Eventlog;
import org.jobshell.api.Shell;
import org.jobshell.api.TaskStream;

/**
 * The output eventlog side of the leader: {@code data} events of each stream until the stream
 * (counted over all tasks) reaches {@code output.limit}, the rest dropped with one warning per
 * stream, and every end of file. At the end, one warning per truncated stream says how much was
 * dropped. Called from the I/O thread and the shell's thread.
 */
final class StoredOutput {

    private final Shell shell;
    private final Eventlog eventlog;
    private final OutputLimit limit;
    private final long[] produced = new long[TaskStream.values().length];

    StoredOutput(Shell shell, OutputLimit limit) {
        this.shell = shell;
        this.eventlog = shell.eventlog("output");
        this.limit = limit;
    }

    /**
     * @param task the task rank
     * @param stream the stream
     * @param bytes output of that task
     */
    synchronized void data(int task, TaskStream stream, byte[] bytes) {
        int s = stream.ordinal();
        long room = limit.bytes() - produced[s];
        produced[s] += bytes.length;
        if (room >= 0 && bytes.length > room) {
            String warning = stream.label() + " will be truncated, " + limit.text() + " limit exceeded";
            shell.execute(() -> shell.log().warn(warning));
        }
        if (room <= 0) {
            return;
        }
        ObjectNode ctx = context(task, stream);
        EventData.put(ctx, bytes.length > room ? Arrays.copyOf(bytes, (int) room) : bytes);
        eventlog.append("data", ctx);
    }

    /**
     * @param task the task rank
     * @param stream the stream that ended
     */
    void eof(int task, TaskStream stream) {
        ObjectNode ctx = context(task, stream);
        ctx.put("eof", true);
        eventlog.append("data", ctx);
    }

    /** The job's output ended: says, on the shell's thread, what each truncated stream lost. */
    synchronized void close() {
        for (TaskStream s : TaskStream.values()) {
            long total = produced[s.ordinal()];
            if (total > limit.bytes()) {
                shell.log().warn(s.label() + ": " + (total - limit.bytes()) + " of " + total + " bytes truncated");
            }
        }
    }

    private static ObjectNode context(int task, TaskStream stream) {
        ObjectNode ctx = JsonNodeFactory.instance.objectNode();
        ctx.put("stream", stream.label());
        ctx.put("rank", Integer.toString(task));
        return ctx;
    }
}
