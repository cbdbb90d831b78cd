package org.jobshell.core.job;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests that run real jobs: a fresh {@link JobHarness} with default watchdog limits over a temporary
 * var directory for each test, closed after it. A test may close {@link #harness} and replace it
 * (say with other limits): the one in the field when the test ends is closed. The name matches no
 * surefire include; the class is abstract, so it is not a test by itself.
 */
abstract class JobHarnessTestBase {

    /** The var directory of this test's jobs. */
    @TempDir
    Path var;

    /** This test's harness. */
    JobHarness harness;

    @BeforeEach
    void createHarness() {
        harness = new JobHarness(var);
    }

    @AfterEach
    void closeHarness() {
        harness.close();
    }
}
