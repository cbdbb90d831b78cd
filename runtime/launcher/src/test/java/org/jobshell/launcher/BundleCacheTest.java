package org.jobshell.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle cache is private, and what dead containers of this host left is removed. */
class BundleCacheTest {

    @TempDir
    Path root;

    @Test
    void aCacheIsPrivateAndGoneWhenDeleted() throws Exception {
        BundleCache cache = BundleCache.create(List.of(root), "h1");
        assertEquals(root.resolve("felix-h1-" + ProcessHandle.current().pid()), cache.dir());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.dir())));
        Files.writeString(cache.dir().resolve("bundle0"), "x");
        cache.delete();
        assertFalse(Files.exists(cache.dir()));
    }

    @Test
    void theCachesOfDeadContainersOfThisHostAreRemoved() throws Exception {
        long dead = deadPid();
        Path left = Files.createDirectories(root.resolve("felix-h1-" + dead + "/bundle1"));
        Path ownPid = Files.createDirectories(root.resolve("felix-h1-" + ProcessHandle.current().pid()));
        Path otherHost = Files.createDirectories(root.resolve("felix-h2-" + dead));
        Path alive = Files.createDirectories(root.resolve("felix-h1-1"));
        Path notOurs = Files.createDirectories(root.resolve("cds-17.jsa.d"));
        BundleCache cache = BundleCache.create(List.of(root), "h1");
        assertFalse(Files.exists(left.getParent()), "a dead container's cache");
        assertTrue(Files.isDirectory(cache.dir()));
        assertEquals(ownPid, cache.dir());
        assertTrue(Files.exists(otherHost), "another host's");
        assertTrue(Files.exists(alive), "pid 1 is alive");
        assertTrue(Files.exists(notOurs));
    }

    @Test
    void aRootThatCannotTakeItIsPassedOver() throws Exception {
        Path file = Files.writeString(root.resolve("file"), "not a directory");
        BundleCache cache = BundleCache.create(List.of(file.resolve("sub"), root.resolve("second")), "h1");
        assertEquals(root.resolve("second"), cache.dir().getParent());
    }

    /** @return a pid no process has (pids count up; this one was just used and is gone) */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
