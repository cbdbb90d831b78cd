package org.jobshell.api.admin;

import java.io.InputStream;
import java.io.PrintStream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The long-lived container's command console (Gogo): the standard commands ({@code lb},
 * {@code inspect}, {@code scr:list}) and jobshell's ({@code jobshell:plugins}, {@code jobshell:jobs},
 * ...). {@code jobshell console} reaches it through the daemon's socket.
 *
 * @since 1.2
 */
@ProviderType
public interface AdminConsole {

    /**
     * Runs one command line and prints its result.
     *
     * @param command a console command line, e.g. {@code jobshell:plugins} or {@code lb}
     * @param out where the result and the command's output go
     * @param err where errors go
     * @return 0 when the command succeeded, else 1 (the error is on {@code err})
     */
    int execute(String command, PrintStream out, PrintStream err);

    /**
     * Reads command lines from {@code in} until its end (or {@code exit}), printing each result and
     * a prompt.
     *
     * @param in command lines, one per line
     * @param out results, prompts and output
     * @param err errors
     * @return 0
     */
    int interactive(InputStream in, PrintStream out, PrintStream err);
}
