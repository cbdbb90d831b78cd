package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball a site installs from: it unpacks into jobshell-<version>/ and runs a job as it is. */
class TarballIT {

    @TempDir
    Path dir;

    @Test
    void theTarballUnpacksAndRunsAJob() throws Exception {
        Path tarball = Path.of(System.getProperty("jobshell.tarball"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", dir.toString()).inheritIO().start();
        assertEquals(0, tar.waitFor());
        String name = tarball.getFileName().toString().replace(".tar.gz", "");
        Path home = dir.resolve(name);
        assertTrue(Files.isExecutable(home.resolve("bin/jobshell")), "bin/jobshell keeps its mode");
        assertTrue(Files.readString(home.resolve("etc/jobshell.service")).contains("ExecStart="), "the systemd unit");
        assertTrue(Files.isDirectory(home.resolve("system/daemon")));
        Process run = new ProcessBuilder(home.resolve("bin/jobshell").toString(), "run", "-n", "2", "echo", "unpacked")
                .redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), out);
        assertEquals(List.of("unpacked", "unpacked"), List.of(out.split("\n")));
    }
}
