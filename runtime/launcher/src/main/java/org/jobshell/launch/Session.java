package org.jobshell.launch;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** One command line being run for one {@link Caller}: its own job, its own signals. */
public interface Session {

    /**
     * Runs one command line, such as {@code run -n 4 hostname}.
     *
     * @param args the arguments after {@code jobshell}
     * @param in the caller's standard input (only an interactive console reads it)
     * @param out the caller's standard output (unbuffered)
     * @param err the caller's standard error (unbuffered)
     * @return the exit code
     */
    int run(List<String> args, InputStream in, OutputStream out, OutputStream err);

    /**
     * A signal for whatever this session runs (SIGINT, SIGTERM, SIGHUP: the job is cancelled).
     *
     * @param signal the signal number
     */
    void signal(int signal);
}
