package org.jobshell.console;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jobshell.launch.Caller;
import org.jobshell.launch.Command;

/**
 * Runs a command line of the CLI in the daemon for the console's user (the daemon's: the admin),
 * and returns what it printed, so that the console's commands show exactly what
 * {@code jobshell <command>} shows.
 */
final class CliCapture {

    private final Command command;

    CliCapture(Command command) {
        this.command = command;
    }

    /**
     * @param args a CLI command line, e.g. {@code plugins}
     * @return its standard output
     * @throws IllegalArgumentException with its standard error when it failed
     */
    String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Caller self = Caller.self();
        Caller admin = new Caller(self.user(), self.environment(), self.cwd(), true);
        int code = command.open(admin).run(List.of(args), InputStream.nullInputStream(), out, err);
        String errors = err.toString(StandardCharsets.UTF_8).strip();
        if (code != 0) {
            throw new IllegalArgumentException(errors.replaceFirst("^jobshell: error: ", ""));
        }
        return out.toString(StandardCharsets.UTF_8) + (errors.isEmpty() ? "" : errors + "\n");
    }
}
