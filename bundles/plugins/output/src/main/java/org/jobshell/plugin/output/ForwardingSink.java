package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobshell.api.Shell;
import org.jobshell.api.TaskStream;

/** A follower shell's end: every chunk goes to the leader's {@value JobOutput#WRITE_METHOD} service. */
final class ForwardingSink implements OutputSink {

    private final Shell shell;
    private final AtomicBoolean failed = new AtomicBoolean();

    ForwardingSink(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void lines(int task, TaskStream stream, byte[] lines) {
        send(JobOutput.payload(task, stream, lines, false));
    }

    @Override
    public void eof(int task, TaskStream stream) {
        send(JobOutput.payload(task, stream, null, true));
    }

    private void send(ObjectNode payload) {
        shell.rpc(0, JobOutput.WRITE_METHOD, payload).whenComplete((response, error) -> {
            if (error != null && failed.compareAndSet(false, true)) {
                shell.log().error("cannot send output to the leader: " + error.getMessage());
            }
        });
    }
}
