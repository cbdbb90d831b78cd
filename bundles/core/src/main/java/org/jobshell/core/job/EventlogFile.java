package org.jobshell.core.job;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jobshell.api.Eventlog;

/**
 * An eventlog file: one {@code {"timestamp","name","context"}} JSON object per line, appended in
 * order from any thread and flushed after every event, so that readers see it at once.
 */
final class EventlogFile implements Eventlog, AutoCloseable {

    private final Path path;
    private final OutputStream out;
    private final JsonGenerator json;
    private boolean closed;

    EventlogFile(Path path, ObjectMapper mapper) {
        this.path = path;
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(path), 16 * 1024);
            this.json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void append(String name, ObjectNode context) {
        if (closed) {
            return;
        }
        Instant now = Instant.now();
        try {
            json.writeStartObject();
            json.writeNumberField("timestamp", now.getEpochSecond() + now.getNano() / 1e9);
            json.writeStringField("name", name);
            if (context != null) {
                json.writeFieldName("context");
                json.writeTree(context);
            }
            json.writeEndObject();
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
