package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One installation used by several users, as docs/OPERATIONS.md sets it up (var/jobs 1777): each
 * job's record is private to its owner, and what a user may not reach is named in the error. The
 * second user is {@code nobody}, through {@code setpriv} (the tests run as root).
 */
class SharedInstallationIT extends SharedDistributionTestBase {

    private static final String NOBODY = "setpriv --reuid=65534 --regid=65534 --clear-groups ";

    @BeforeAll
    static void shareTheInstallation() throws Exception {
        assumeTrue("0".equals(run("id -u")), "a second user needs setpriv, which needs root");
        for (Path p = dist.home(); p.startsWith(dir); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path jobs = Files.createDirectories(dist.home().resolve("var/jobs"));
        assertEquals("", run("chmod 1777 " + jobs), "as docs/OPERATIONS.md says for a shared var");
    }

    @Test
    void jobRecordsArePrivateWhateverTheUmask() {
        Distribution.Run r = Distribution.Run.of(dist.shell("umask 000; $J run -v true"));
        assertEquals(0, r.exitCode(), r.toString());
        Path job = JobRecord.ofVerbose(r).dir();
        assertEquals("rwx------", mode(job));
        for (String f : List.of("jobspec.json", "R.json", "exec.eventlog", "output.eventlog")) {
            assertEquals("rw-------", mode(job.resolve(f)), f);
        }
    }

    @Test
    void anotherUserCannotReadAJobButRunsTheirOwn() {
        Distribution.Run mine = dist.run("run", "-v", "true");
        Path job = JobRecord.ofVerbose(mine).dir();
        Distribution.Run peek = Distribution.Run.of(dist.shell(NOBODY + "cat " + job.resolve("jobspec.json")));
        assertEquals(1, peek.exitCode(), peek.toString());
        assertEquals("", peek.stdout(), "another user read the submitter's environment");

        Distribution.Run theirs = Distribution.Run.of(dist.shell(NOBODY + "$J run -v id -u"));
        assertEquals(0, theirs.exitCode(), theirs.toString());
        assertEquals(List.of("65534"), theirs.stdoutLines());
        Path their = JobRecord.ofVerbose(theirs).dir();
        assertEquals(dist.home().resolve("var/jobs"), their.getParent());
        assertEquals("rwx------", mode(their));
    }

    @Test
    void aWorkingDirectoryTheUserCannotEnterIsNamed() throws Exception {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        Distribution.Run r = Distribution.Run.of(dist.shell(NOBODY + "$J run --cwd " + locked + " pwd"));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell: error: working directory " + locked + ": Permission denied"), r.stderrLines());
    }

    @Test
    void aJobsDirectoryTheUserCannotWriteIsNamed() throws Exception {
        Distribution site = Distribution.copyInto(dir.resolve("readonly-var"));
        Path jobs = Files.createDirectories(site.home().resolve("var/jobs"));
        Files.setPosixFilePermissions(site.home(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Distribution.Run r = Distribution.Run.of(site.shell(NOBODY + "$J run true"));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell: error: cannot create the job directory in " + jobs + ": Permission denied"),
                r.stderrLines());
    }

    @Test
    void aJobspecTheUserCannotReadIsNamed() throws Exception {
        Path spec = Files.writeString(dir.resolve("private.json"), "{}");
        Files.setPosixFilePermissions(spec, PosixFilePermissions.fromString("rw-------"));
        Distribution.Run r = Distribution.Run.of(dist.shell(NOBODY + "$J run --jobspec " + spec));
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("jobshell: error: cannot read " + spec + ": Permission denied"), r.stderrLines());
    }

    @Test
    void theBundleCacheOfACrashedRunIsRemovedByTheNextRun() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String opts = "-Djava.io.tmpdir=" + tmp;
        Process crashing = dist.start(pb -> pb.environment().put("JOBSHELL_JAVA_OPTS", opts), "run", "sh", "-c",
                "echo started; exec sleep 300");
        assertEquals('s', crashing.getInputStream().read(), "the job did not start");
        List<ProcessHandle> tasks = crashing.descendants().collect(Collectors.toList());
        crashing.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(crashing.waitFor(30, TimeUnit.SECONDS));
        tasks.forEach(ProcessHandle::destroyForcibly);
        assertEquals(1, containerCaches(tmp).size(), "the crashed run's cache is left: " + containerCaches(tmp));

        Distribution.Run next = Distribution.Run.of(
                dist.start(pb -> pb.environment().put("JOBSHELL_JAVA_OPTS", opts), "run", "true"));
        assertEquals(0, next.exitCode(), next.toString());
        assertEquals(List.of(), containerCaches(tmp), "what the next run left behind");
    }

    /** @return the Felix caches in var/cache and in the temp directory {@code tmp} */
    private static List<Path> containerCaches(Path tmp) throws Exception {
        List<Path> caches = new ArrayList<>();
        for (Path root : List.of(dist.home().resolve("var/cache"), tmp)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> Files.isDirectory(f) && f.getFileName().toString().contains("felix"))
                        .forEach(caches::add);
            }
        }
        return caches;
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String run(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return out;
    }
}
