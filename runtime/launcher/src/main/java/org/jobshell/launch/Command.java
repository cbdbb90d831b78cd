package org.jobshell.launch;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The jobshell command line, served as an OSGi service: called once by the one-shot launcher, and
 * for every client by the daemon's socket server ({@link #open}).
 */
public interface Command {

    /**
     * Runs one command line for this process ({@link Caller#self()}).
     *
     * @param args the arguments after {@code jobshell}
     * @param in the process's standard input
     * @param out the process's standard output (unbuffered)
     * @param err the process's standard error (unbuffered)
     * @return the process exit code
     */
    int run(List<String> args, InputStream in, OutputStream out, OutputStream err);

    /**
     * A signal reached the launcher (SIGINT, SIGTERM): pass it on to whatever {@link #run} runs.
     *
     * @param signal the signal number
     */
    void signal(int signal);

    /**
     * @param caller who runs the command line
     * @return a session for one command line of that caller
     */
    Session open(Caller caller);
}
