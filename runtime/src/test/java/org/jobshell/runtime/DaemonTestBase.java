package org.jobshell.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests that share one {@code jobshell daemon} per class, on the class's copy of the distribution:
 * started before the class's tests, stopped with SIGTERM after them, and then it must have exited
 * 0. A test may stop it and start another in {@link #daemon} (the last one is the one stopped).
 */
abstract class DaemonTestBase extends SharedDistributionTestBase {

    /** The daemon of this class. */
    static RunningDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        daemon = RunningDaemon.start(dist);
    }

    @AfterAll
    static void stopDaemon() {
        if (daemon.alive()) {
            assertEquals(0, daemon.stop(), daemon.log());
        }
    }
}
