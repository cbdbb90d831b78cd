package org.jobshell.core.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A small {@code sh} process beside the container that outlives it only to clean up: the container
 * tells it, through a pipe, which job keys are live; when the pipe closes because the container
 * ended in any way (SIGKILL, a crash, a signal the JVM does not handle), it kills every process still
 * carrying one of those keys, and exits. It ignores the terminal's signals, so a Ctrl-C that reaches
 * the whole process group does not stop it first. Started on the first job, once per container.
 */
final class Janitor implements AutoCloseable {

    private static final String SCRIPT = "janitor.sh";

    private Process process;
    private OutputStream keys;
    private boolean broken;

    /** @param key a job key whose processes are to be killed if the container dies */
    synchronized void watch(String key) {
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
        try {
            if (process == null) {
                start();
            }
            keys.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            keys.flush();
        } catch (IOException | UncheckedIOException e) {
            broken = true; // jobs still end clean while the container lives; only its death is uncovered
        }
    }

    private void start() throws IOException {
        String script;
        try (InputStream in = Janitor.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("no " + SCRIPT + " in the core bundle");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script, "jobshell-janitor");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.directory(new File("/"));
        process = pb.start();
        keys = process.getOutputStream();
    }

    /** @return the janitor's pid, or -1 before the first job */
    synchronized long pid() {
        return process == null ? -1 : process.pid();
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
}
