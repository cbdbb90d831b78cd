package org.jobshell.core.job;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.jobshell.api.Eventlog;
import org.jobshell.api.IoErrors;

/**
 * An eventlog file: one {@code {"timestamp","name","context"}} JSON object per line, appended in
 * order from any thread and flushed after every event, so that readers see it at once.
 *
 * <p>A write that fails (a full disk, an I/O error) is reported once, as {@code cannot write FILE:
 * <reason>}, to whoever was set with {@link #onFailure} (the job fails on it); the file takes no
 * more events after that, and appending never throws. The file is written through a plain
 * {@link FileOutputStream}, which an interrupt (the watchdog's, of a plugin callback that writes an
 * event) cannot close, unlike an interruptible NIO channel.
 */
final class EventlogFile implements Eventlog, AutoCloseable {

    private final Path path;
    private final OutputStream out;
    private final JsonGenerator json;
    private Consumer<String> onFailure = message -> { };
    private boolean closed;
    private boolean failed;

    EventlogFile(Path path, ObjectMapper mapper) {
        this.path = path;
        try {
            this.out = new BufferedOutputStream(new FileOutputStream(path.toFile()), 16 * 1024);
            this.json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path + ": " + IoErrors.reason(e), e);
        }
    }

    /** @param handler told, once, when a write failed */
    synchronized void onFailure(Consumer<String> handler) {
        this.onFailure = handler;
    }

    @Override
    public void append(String name, ObjectNode context) {
        String problem;
        synchronized (this) {
            if (closed || failed) {
                return;
            }
            problem = write(name, context);
            if (problem == null) {
                return;
            }
            failed = true;
        }
        onFailure.accept(problem); // outside the lock: the handler may log, which appends elsewhere
    }

    private String write(String name, ObjectNode context) {
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
            return null;
        } catch (IOException e) {
            return "cannot write " + path + ": " + IoErrors.reason(e);
        }
    }

    /** @return whether a write failed (the file takes no more events) */
    synchronized boolean failed() {
        return failed;
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
            // what could not be flushed was reported when it was written, or the job is over
        }
    }
}
