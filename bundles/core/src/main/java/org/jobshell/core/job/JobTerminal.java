package org.jobshell.core.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jobshell.api.TaskStream;

/**
 * The job's terminal: the two streams of whoever runs the job. Every write is whole and flushed at
 * once; writers on different threads never interleave inside one write.
 */
final class JobTerminal {

    private final OutputStream stdout;
    private final OutputStream stderr;
    private final InputStream stdin;

    JobTerminal(OutputStream stdout, OutputStream stderr) {
        this(stdout, stderr, InputStream.nullInputStream());
    }

    JobTerminal(OutputStream stdout, OutputStream stderr, InputStream stdin) {
        this.stdout = new Atomic(stdout, this);
        this.stderr = new Atomic(stderr, this);
        this.stdin = stdin;
    }

    /** @return the job's input */
    InputStream input() {
        return stdin;
    }

    OutputStream stream(TaskStream s) {
        return s == TaskStream.STDOUT ? stdout : stderr;
    }

    /** Writes under the terminal's lock, so stdout and stderr lines stay whole relative to each other. */
    private static final class Atomic extends OutputStream {
        private final OutputStream target;
        private final Object lock;

        Atomic(OutputStream target, Object lock) {
            this.target = target;
            this.lock = lock;
        }

        @Override
        public void write(int b) throws IOException {
            synchronized (lock) {
                target.write(b);
                target.flush();
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (lock) {
                target.write(b, off, len);
                target.flush();
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                target.flush();
            }
        }
    }
}
