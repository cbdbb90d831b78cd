package org.jobshell.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An append-only eventlog of the job: one JSON object per line,
 * {@code {"timestamp":<seconds>,"name":"<event>","context":{...}}}.
 */
@ProviderType
public interface Eventlog {

    /**
     * Appends an event, timestamped now. Events are written in order and flushed at the latest
     * when the job ends.
     *
     * @param name the event name
     * @param context the context, or null for none; not copied, so don't change it afterwards
     */
    void append(String name, ObjectNode context);

    /** @return the file */
    Path path();
}
