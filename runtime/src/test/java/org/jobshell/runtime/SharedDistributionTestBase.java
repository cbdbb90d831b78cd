package org.jobshell.runtime;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of {@code bin/jobshell} that share one private copy of the distribution per test class: it
 * is copied into {@code dist/} of the class's scratch directory before the class's own
 * {@code @BeforeAll} methods run, and removed with that directory after the class.
 *
 * <p>The fields are static and inherited, so JUnit sets them again for each subclass: the subclasses
 * must not run concurrently (this build does not enable parallel execution). The name matches
 * neither failsafe's nor surefire's includes; the class is abstract, so it is not a test by itself.
 */
abstract class SharedDistributionTestBase {

    /** This class's scratch directory; the distribution is in its {@code dist} subdirectory. */
    @TempDir
    static Path dir;

    /** The distribution this class's tests share. */
    static Distribution dist;

    @BeforeAll
    static void copyDistribution() {
        dist = Distribution.copyInto(dir.resolve("dist"));
    }
}
