package org.jobshell.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code jobshell eventlog ID [exec|output]}: a job's eventlog file as it is. */
final class EventlogCommand {

    private final JobLocator locator;

    EventlogCommand(JobLocator locator) {
        this.locator = locator;
    }

    int run(List<String> args, OutputStream out) throws IOException {
        if (args.isEmpty() || args.size() > 2) {
            throw new UsageException("eventlog: usage: jobshell eventlog ID [exec|output]");
        }
        String name = args.size() == 2 ? args.get(1) : "exec";
        if (!name.equals("exec") && !name.equals("output")) {
            throw new UsageException("eventlog: no eventlog '" + name + "': there are 'exec' and 'output'");
        }
        Path file = locator.directory(args.get(0)).resolve(name + ".eventlog");
        try {
            Files.copy(file, out);
        } catch (NoSuchFileException e) {
            throw new UsageException("eventlog: " + file + ": No such file or directory");
        }
        out.flush();
        return 0;
    }
}
