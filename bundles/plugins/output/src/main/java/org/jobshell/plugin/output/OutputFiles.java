package org.jobshell.plugin.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jobshell.api.IoErrors;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;

/**
 * The output files of one shell: one open file per distinct path (relative paths are in the job's
 * working directory), created, and truncated or appended to ({@code output.mode}).
 */
final class OutputFiles {

    private final Shell shell;
    private final boolean append;
    private final Map<Path, OutputFile> open = new LinkedHashMap<>();

    OutputFiles(Shell shell, boolean append) {
        this.shell = shell;
        this.append = append;
    }

    /**
     * @param name a rendered file name
     * @return the open file of that path, opened now if it is the first use
     * @throws ShellException {@code cannot open output file P: REASON}
     */
    synchronized OutputFile open(String name) {
        Path path = shell.info().cwd().resolve(name).normalize();
        OutputFile file = open.get(path);
        if (file == null) {
            try {
                file = new OutputFile(shell, path, FileChannel.open(path, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND
                                : StandardOpenOption.TRUNCATE_EXISTING));
            } catch (IOException e) {
                throw new ShellException("cannot open output file " + path + ": " + IoErrors.reason(e));
            }
            open.put(path, file);
        }
        return file;
    }

    /** Closes every file. */
    synchronized void close() {
        open.values().forEach(OutputFile::close);
        open.clear();
    }
}
