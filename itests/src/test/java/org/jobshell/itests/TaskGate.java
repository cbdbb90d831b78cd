package org.jobshell.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A gate for tasks: a task of {@link #job()} runs until the test {@link #open()}s the gate, so that
 * the test can act while the job is certainly still running, however slow the machine. Closing the
 * gate object opens it too, so tasks never outlive a failed test.
 */
public final class TaskGate implements AutoCloseable {

    private final Path open;

    /** A new, shut gate in a directory of its own under the tests' var directory (in target/). */
    public TaskGate() {
        try {
            Path var = Files.createDirectories(Path.of(ReactorBundles.required("jobshell.itests.var")));
            open = Files.createTempDirectory(var, "gate").resolve("open");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a one-task job whose task waits at the gate, then exits 0 */
    public JobspecBuilder job() {
        return JobspecBuilder.shell("while [ ! -e '" + open + "' ]; do sleep 0.05; done");
    }

    /** Lets every task waiting at the gate end. */
    public void open() {
        try {
            Files.createFile(open);
        } catch (FileAlreadyExistsException e) {
            // already open
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the gate, and leaves it open: a task may not have looked yet. */
    @Override
    public void close() {
        open();
    }
}
