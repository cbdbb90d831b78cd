package org.jobshell.core.spi;

import java.nio.ByteBuffer;
import org.jobshell.api.TaskStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives what a spawned process does. A launcher calls {@link #data} and {@link #eof} on its I/O
 * thread, in order per stream, and {@link #exited} once from any thread; end of file comes once per
 * stream, after all of its data.
 */
@ProviderType
public interface ProcessObserver {

    /**
     * @param stream the stream
     * @param data bytes read, valid only during the call
     */
    void data(TaskStream stream, ByteBuffer data);

    /** @param stream the stream that reached end of file */
    void eof(TaskStream stream);

    /** @param status how the process ended */
    void exited(ExitStatus status);
}
