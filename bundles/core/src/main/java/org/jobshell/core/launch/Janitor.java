package org.jobshell.core.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.ProcessObserver;
import org.jobshell.core.spi.SpawnException;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.TaskLauncher;

/**
 * A small {@code sh} process beside the container that outlives it only to clean up: the container
 * tells it, through a pipe it inherits as descriptor 3, which job keys are live; when the pipe closes
 * because the container ended in any way (SIGKILL, a crash, a signal the JVM does not handle), it
 * kills every process still carrying one of those keys, and exits. It ignores the terminal's signals,
 * so a Ctrl-C that reaches the whole process group does not stop it first. Started on the first job,
 * once per container, by that job's launcher (as cheap as one task) and off the job's thread; keys
 * given before it runs are sent once it does.
 */
final class Janitor implements AutoCloseable {

    private static final String SCRIPT = "janitor.sh";
    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    private final StringBuilder pending = new StringBuilder();
    private Pipe.SinkChannel keys;
    private long pid = -1;
    private boolean starting;
    private boolean broken;

    /**
     * @param launcher starts the janitor, off the caller's thread, if it does not run yet
     * @param key a job key whose processes are to be killed if the container dies
     */
    synchronized void watch(TaskLauncher launcher, String key) {
        if (!starting) {
            starting = true;
            CompletableFuture.runAsync(() -> start(launcher));
        }
        send("+ " + key);
    }

    /** @param key a job key whose processes are gone */
    synchronized void forget(String key) {
        send("- " + key);
    }

    private void send(String line) {
        if (broken) {
            return;
        }
        if (keys == null) {
            pending.append(line).append('\n'); // sent once it runs
            return;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
            keys.write(b);
            if (b.hasRemaining()) {
                throw new IOException("the janitor reads no more"); // a full pipe: never block a shell on it
            }
        } catch (IOException e) {
            stop(); // jobs still end clean while the container lives; only its death is uncovered
        }
    }

    private void start(TaskLauncher launcher) {
        Pipe pipe = null;
        try (InputStream in = Janitor.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("no " + SCRIPT + " in the core bundle");
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            pipe = Pipe.open();
            long started = launcher.spawn(new SpawnRequest(List.of("/bin/sh", "-c", script, "jobshell-janitor"), ENV,
                    Path.of("/"), null, List.of(pipe.source()), new Quiet())).pid();
            if (started <= 0) {
                throw new IOException("the launcher started no process");
            }
            // the read end stays open here: a launcher may reopen it from the task after the spawn returned
            pipe.sink().configureBlocking(false);
            synchronized (this) {
                pid = started;
                keys = pipe.sink();
                String lines = pending.toString();
                pending.setLength(0);
                if (!lines.isEmpty()) {
                    send(lines.substring(0, lines.length() - 1));
                }
                notifyAll();
            }
        } catch (IOException | SpawnException | RuntimeException e) {
            synchronized (this) {
                broken = true;
                notifyAll();
            }
            if (pipe != null) {
                try {
                    pipe.source().close();
                    pipe.sink().close();
                } catch (IOException ignored) {
                    // nothing was started on it
                }
            }
        }
    }

    /**
     * Waits until the janitor runs (or could not be started), so that no task runs unguarded.
     *
     * @param millis the longest wait
     */
    synchronized void awaitStarted(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long left = millis;
        while (starting && keys == null && !broken && left > 0) {
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = (deadline - System.nanoTime()) / 1_000_000L;
        }
    }

    /** @return the janitor's pid, or -1 before the first job */
    synchronized long pid() {
        return pid;
    }

    /** The janitor is gone, or cannot be fed: no more keys are sent. */
    private synchronized void stop() {
        broken = true;
        if (keys != null) {
            try {
                keys.close();
            } catch (IOException e) {
                // closing is all that is left
            }
        }
        notifyAll();
    }

    /** Closes the pipe: the janitor kills what is left of the keys not forgotten, and exits. */
    @Override
    public synchronized void close() {
        if (keys != null) {
            try {
                keys.close();
            } catch (IOException e) {
                // it sees the end of the pipe either way
            }
        }
    }

    /** The janitor prints nothing; its end is only noted. */
    private final class Quiet implements ProcessObserver {
        @Override
        public void data(TaskStream stream, ByteBuffer data) {
            // nothing to show
        }

        @Override
        public void eof(TaskStream stream) {
            // nothing to close
        }

        @Override
        public void exited(ExitStatus status) {
            stop(); // killed by someone: the pipe would fill up and nobody would read it
        }
    }
}
