package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A long-lived container leaves nothing behind per job: after hundreds of jobs from many clients,
 * four at a time, its threads and open descriptors are back where they were (docs/BENCHMARKS.md
 * has the 2,000-job soak with the heap).
 */
class SoakIT extends DaemonTestBase {

    private static final int JOBS = 400;
    private static final int AT_ONCE = 4;

    @Test
    void manyJobsLeaveNoThreadOrDescriptorBehind() throws Exception {
        runJobs(40); // warm: pools, caches and lazily loaded classes are there before the baseline
        int threads = threads();
        int fds = fds();
        runJobs(JOBS);
        RunningDaemon.await("the daemon's threads and descriptors to settle", 30,
                () -> threads() <= threads + 2 && fds() <= fds + 2);
        assertTrue(threads() <= threads + 2, "threads " + threads + " -> " + threads());
        assertTrue(fds() <= fds + 2, "fds " + fds + " -> " + fds());
    }

    /** Runs jobs through raw clients, {@value #AT_ONCE} at a time, each with output and an exit code. */
    private static void runJobs(int n) throws IOException {
        for (int i = 0; i < n; i += AT_ONCE) {
            List<RawClient> batch = new ArrayList<>();
            for (int j = i; j < Math.min(n, i + AT_ONCE); j++) {
                batch.add(new RawClient(daemon.socket()).request("[\"run\",\"-n\",\"2\",\"sh\",\"-c\",\"echo " + j
                        + "; exit 3\"]"));
            }
            for (int j = 0; j < batch.size(); j++) {
                try (RawClient c = batch.get(j)) {
                    int job = i + j;
                    assertEquals(job + "\n" + job + "\nexit 3", c.readAll(), "job " + job);
                }
            }
        }
    }

    private static int threads() {
        try {
            return Files.readAllLines(Path.of("/proc/" + daemon.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("Threads:")).map(l -> Integer.parseInt(l.substring(8).trim()))
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int fds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + daemon.pid() + "/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
