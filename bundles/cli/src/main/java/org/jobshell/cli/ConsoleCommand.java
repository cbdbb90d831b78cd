package org.jobshell.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import org.jobshell.api.admin.AdminConsole;

/**
 * {@code jobshell console [-c CMD]}: one command of the container's Gogo console, or the console
 * itself, reading command lines from the caller's standard input.
 */
final class ConsoleCommand {

    private final CliServices services;

    ConsoleCommand(CliServices services) {
        this.services = services;
    }

    int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        AdminConsole console = services.console();
        if (console == null) {
            throw new UsageException("console: this container has no console: start 'jobshell daemon' (with its"
                    + " system/daemon bundles), then run 'jobshell console'");
        }
        if (args.isEmpty()) {
            return console.interactive(in, out, err);
        }
        if (args.size() == 2 && args.get(0).equals("-c")) {
            return console.execute(args.get(1), out, err);
        }
        throw new UsageException("console: usage: jobshell console [-c COMMAND]");
    }
}
