package org.jobshell.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@code bin/jobshell daemon} in the foreground, started by a test from a copy of the
 * distribution and stopped by it (SIGTERM to its pid, SIGKILL if it does not end in 30 s). Its
 * output (the daemon log) goes to {@code daemon.log} beside the distribution.
 */
final class RunningDaemon implements AutoCloseable {

    private final Distribution dist;
    private final Process process;
    private final Path log;

    private RunningDaemon(Distribution dist, Process process, Path log) {
        this.dist = dist;
        this.process = process;
        this.log = log;
    }

    /** Starts a daemon and waits until its socket and pid file are there. */
    static RunningDaemon start(Distribution dist) {
        return start(dist, List.of());
    }

    /**
     * @param dist the distribution
     * @param prefix a command to run it under, e.g. {@code setpriv ...}
     */
    static RunningDaemon start(Distribution dist, List<String> prefix) {
        Path log = dist.home().resolveSibling(dist.home().getFileName() + "-daemon.log");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(dist.command().toString());
        cmd.add("daemon");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunningDaemon d = new RunningDaemon(dist, p, log);
        try {
            await("the daemon's socket and pid file", 60, () -> !p.isAlive()
                    || Files.exists(d.pidFile()) && Files.exists(d.socket()));
        } catch (AssertionError e) {
            d.close();
            throw e;
        }
        if (!p.isAlive()) {
            throw new AssertionError("the daemon exited with " + p.exitValue() + ":\n" + d.log());
        }
        return d;
    }

    Path socket() {
        return dist.home().resolve("var/run/jobshell.sock");
    }

    Path pidFile() {
        return dist.home().resolve("var/run/jobshell.pid");
    }

    long pid() {
        return process.pid();
    }

    /** @return what the daemon logged so far */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Sends SIGTERM and waits for the daemon to end. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the daemon did not stop within 30 s of SIGTERM:\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** Waits for a condition, at most {@code seconds}, failing with what was awaited. */
    static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
