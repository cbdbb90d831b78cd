package org.jobshell.api;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives one stream of one task's output, in order, as raw chunks (not lines). Called on an I/O
 * thread shared by many tasks: return quickly and never block.
 */
@ConsumerType
public interface OutputListener {

    /**
     * Delivers bytes read from the task.
     *
     * @param task the task
     * @param stream the stream
     * @param data the bytes, readable from position to limit; only valid during this call
     */
    void data(Task task, TaskStream stream, ByteBuffer data);

    /**
     * Delivers end of file: the task and every process that inherited the stream closed it. Called
     * exactly once, after every {@link #data}, and before the task's {@code task.exit}.
     *
     * @param task the task
     * @param stream the stream
     */
    void eof(Task task, TaskStream stream);
}
