package org.jobshell.launcher;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command's standard input, read only while this process is in the foreground of the terminal
 * it comes from, when it is a terminal. A job run in the background of an interactive shell
 * ({@code jobshell run app &}) then goes on instead of being stopped by SIGTTIN at the first read of
 * its input, and its input is read once the job is brought to the foreground ({@code fg}), as the
 * native client does. Linux: the process group and the terminal's foreground group come from
 * {@code /proc/self/stat}.
 */
final class ForegroundInput extends FilterInputStream {

    private static final long RECHECK_MILLIS = 500;
    private static final Path STAT = Path.of("/proc/self/stat");

    private final boolean terminal;

    /**
     * @param in the input
     * @param terminal whether it is a terminal
     */
    ForegroundInput(InputStream in, boolean terminal) {
        super(in);
        this.terminal = terminal;
    }

    /** @return this process's standard input */
    static InputStream stdin() {
        return new ForegroundInput(new FileInputStream(FileDescriptor.in), isTerminal(Path.of("/proc/self/fd/0")));
    }

    @Override
    public int read() throws IOException {
        awaitForeground();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        awaitForeground();
        return super.read(b, off, len);
    }

    private void awaitForeground() throws InterruptedIOException {
        while (terminal && !inForeground()) {
            try {
                Thread.sleep(RECHECK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while in the background of the terminal");
            }
        }
    }

    private static boolean inForeground() {
        try {
            return inForeground(Files.readString(STAT));
        } catch (IOException e) {
            return true; // not Linux: read, as every program does
        }
    }

    /**
     * @param stat the text of a {@code /proc/PID/stat}
     * @return false when the process has a controlling terminal whose foreground process group is
     *     another than its own
     */
    static boolean inForeground(String stat) {
        // pid (comm) state ppid pgrp session tty_nr tpgid ...: comm may hold spaces and parentheses
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long pgrp = Long.parseLong(f[2]);
        long ttyNr = Long.parseLong(f[4]);
        long tpgid = Long.parseLong(f[5]);
        return ttyNr == 0 || tpgid <= 0 || tpgid == pgrp;
    }

    /**
     * @param fd a {@code /proc/self/fd} entry
     * @return whether it is a terminal
     */
    static boolean isTerminal(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
