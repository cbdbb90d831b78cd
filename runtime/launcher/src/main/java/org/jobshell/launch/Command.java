package org.jobshell.launch;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The jobshell command line, served as an OSGi service and called once by the launcher.
 */
public interface Command {

    /**
     * Runs one command line, such as {@code run -n 4 hostname}.
     *
     * @param args the arguments after {@code jobshell}
     * @param in the process's standard input
     * @param out the process's standard output (unbuffered)
     * @param err the process's standard error (unbuffered)
     * @return the process exit code
     */
    int run(List<String> args, InputStream in, OutputStream out, OutputStream err);

    /**
     * A signal reached the launcher (SIGINT, SIGTERM): pass it on to whatever runs.
     *
     * @param signal the signal number
     */
    void signal(int signal);
}
