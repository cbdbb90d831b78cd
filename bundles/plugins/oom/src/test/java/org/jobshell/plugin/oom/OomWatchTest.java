package org.jobshell.plugin.oom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch on a fake cgroup directory: the kernel's files are plain files here. */
class OomWatchTest {

    @TempDir
    Path dir;

    private static String events(long oomKills) {
        return "low 0\nhigh 0\nmax 3\noom 2\noom_kill " + oomKills + "\noom_group_kill 0\n";
    }

    @Test
    void eachRiseOfOomKillIsReportedWithThePeak() throws Exception {
        Files.writeString(dir.resolve("memory.events"), events(1)); // a kill before the job: not its own
        Files.writeString(dir.resolve("memory.peak"), "123456789\n");
        BlockingQueue<String> reports = new LinkedBlockingQueue<>();
        try (OomWatch watch = OomWatch.start(new MemoryEvents(dir), (killed, peak) -> reports.add(killed + " " + peak))) {
            Files.writeString(dir.resolve("memory.peak"), "223456789\n");
            Files.writeString(dir.resolve("memory.events"), events(3));
            assertEquals("2 223456789", reports.poll(30, TimeUnit.SECONDS));
            Files.writeString(dir.resolve("memory.events"), events(4));
            assertEquals("1 223456789", reports.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void theCgroupIsFoundThroughCgroupAndMounts() throws Exception {
        Path cg = Files.createDirectories(dir.resolve("unified/user.slice/job"));
        Files.writeString(cg.resolve("memory.events"), events(0));
        Path cgroup = Files.writeString(dir.resolve("cgroup"), "4:memory:/x\n0::/user.slice/job\n");
        Path mounts = Files.writeString(dir.resolve("mounts"),
                "tmpfs /sys/fs/cgroup tmpfs rw 0 0\ncgroup2 " + dir.resolve("unified") + " cgroup2 rw 0 0\n");
        Optional<MemoryEvents> found = MemoryEvents.ofThisProcess(cgroup, mounts);
        assertTrue(found.isPresent());
        assertEquals(cg, found.get().dir());
        Files.delete(cg.resolve("memory.events")); // cgroup v1 hosts: v2 without the memory controller
        assertTrue(MemoryEvents.ofThisProcess(cgroup, mounts).isEmpty());
    }

    @Test
    void countsAreReadByKey() {
        assertEquals(7, MemoryEvents.count(List.of("oom 1", "oom_kill 7"), "oom_kill"));
        assertEquals(-1, MemoryEvents.count(List.of("oom 1"), "oom_kill"));
    }
}
