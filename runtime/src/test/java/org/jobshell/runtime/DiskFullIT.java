package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With var/ on a full filesystem (a 1 MiB tmpfs, mounted for the test; that needs root), a job fails
 * in one line naming what could not be written and where, its tasks are killed, nothing hangs, and
 * the terminal still has the output produced.
 */
class DiskFullIT extends SharedDistributionTestBase {

    private static Path mount;
    private static boolean mounted;

    @BeforeAll
    static void mountASmallVar() throws Exception {
        mount = Files.createDirectories(dir.resolve("tiny-var"));
        mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString())
                .inheritIO().start().waitFor() == 0;
        Files.writeString(dist.home().resolve("etc/jobshell.properties"), "jobshell.var.dir=" + mount + "\n");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aFullDiskMidJobFailsItInOneLineAndKeepsTheTerminalOutput() {
        assumeTrue(mounted, "mounting a tmpfs needs root");
        // 3 MB of 100-character lines: more than the 1 MiB var/ can hold in output.eventlog
        Distribution.Run r = dist.run("run", "sh", "-c", "yes " + "x".repeat(100) + " | head -n 30000");
        assertEquals(1, r.exitCode(), r.toString());
        List<String> err = r.stderrLines().stream().filter(l -> l.startsWith("jobshell")).toList();
        assertEquals(1, err.size(), r.toString()); // the task's sh may report its killed pipeline too
        assertTrue(err.get(0).matches("jobshell\\[0\\]: FATAL: cannot write " + mount
                + "/jobs/[^/]+/output.eventlog: No space left on device"), err.get(0));
        List<String> out = r.stdoutLines();
        assertTrue(out.size() > 1000, "the terminal lost the output: " + out.size() + " lines");
        // every line but the one the kill interrupted is whole: what the tasks wrote reached the terminal
        assertTrue(out.subList(0, out.size() - 1).stream().allMatch(l -> l.length() == 100), "a line was cut");
    }

    @Test
    void aDiskFullBeforeTheJobIsOneLineNamingTheDirectory() throws IOException {
        assumeTrue(mounted, "mounting a tmpfs needs root");
        Path filler = mount.resolve("filler");
        try (OutputStream o = Files.newOutputStream(filler)) {
            byte[] block = new byte[64 * 1024];
            while (true) {
                o.write(block);
            }
        } catch (IOException full) {
            // the disk is full now
        }
        try {
            Distribution.Run r = dist.run("run", "echo", "never");
            assertEquals(1, r.exitCode(), r.toString());
            assertEquals(1, r.stderrLines().size(), r.toString());
            assertTrue(r.stderr().startsWith("jobshell: error: cannot create the job directory in " + mount
                    + "/jobs: ") && r.stderr().contains("No space left on device"), r.toString());
            assertEquals("", r.stdout());
        } finally {
            Files.delete(filler);
        }
    }
}
