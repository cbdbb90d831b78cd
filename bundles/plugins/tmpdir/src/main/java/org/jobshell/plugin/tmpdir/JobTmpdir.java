package org.jobshell.plugin.tmpdir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jobshell.api.Args;
import org.jobshell.api.IoErrors;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;

/** tmpdir for one shell: made at shell.init, offered as {@code {{tmpdir}}}, removed at shell.exit. */
final class JobTmpdir {

    /** The variable every task finds its shell's directory in. */
    static final String VARIABLE = "JOBSHELL_JOB_TMPDIR";

    private final PluginContext plugin;
    private Path dir;

    JobTmpdir(PluginContext plugin) {
        this.plugin = plugin;
        plugin.handle("shell.init", this::init);
        plugin.handle("shell.exit", this::exit);
    }

    private void init(Shell shell, String topic, Args args) {
        String tmpdir = shell.environment().get("TMPDIR");
        if (tmpdir != null && !makePrivate(Path.of(tmpdir), true)) {
            shell.log().warn("Unable to create TMPDIR=" + tmpdir + ", resetting TMPDIR=/tmp");
            tmpdir = "/tmp";
            shell.environment().set("TMPDIR", tmpdir);
        }
        Path candidate = Path.of(tmpdir == null ? "/tmp" : tmpdir)
                .resolve("jobtmp-" + shell.info().rank() + "-" + shell.info().jobIdString());
        if (!makePrivate(candidate, false)) {
            throw new ShellException("error creating " + VARIABLE + " " + candidate);
        }
        dir = candidate;
        shell.environment().set(VARIABLE, dir.toString());
        String path = dir.toString();
        plugin.handle("mustache.render.tmpdir", (s, t, a) -> a.out().put("result", path));
    }

    /**
     * @param path a directory
     * @param existingOk whether an existing directory will do
     * @return whether it now exists (created 0700, its parent must exist, unless it existed)
     */
    static boolean makePrivate(Path path, boolean existingOk) {
        try {
            Files.createDirectory(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return true;
        } catch (FileAlreadyExistsException e) {
            return existingOk && Files.isDirectory(path);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void exit(Shell shell, String topic, Args args) {
        if (dir == null) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        } catch (IOException e) {
            shell.log().error("cannot remove " + dir + ": " + IoErrors.reason(e));
            return;
        }
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                shell.log().error("cannot remove " + p + ": " + IoErrors.reason(e));
                return;
            }
        }
        dir = null;
    }
}
