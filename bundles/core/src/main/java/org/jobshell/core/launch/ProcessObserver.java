package org.jobshell.core.launch;

import java.nio.ByteBuffer;
import org.jobshell.api.TaskStream;

/** Receives what a spawned process does: its output (on the I/O thread) and its exit. */
public interface ProcessObserver {

    /**
     * @param stream the stream
     * @param data bytes read, valid only during the call
     */
    void data(TaskStream stream, ByteBuffer data);

    /** @param stream the stream that reached end of file */
    void eof(TaskStream stream);

    /** @param exitValue the exit status, or 128 + signal when a signal killed the process */
    void exited(int exitValue);
}
