package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job gets the submitter's environment, not what bin/jobshell set for the JVM. */
class SubmitterEnvironmentTest {

    @Test
    void whatBinJobshellSetForTheJvmIsLeftOut() {
        Map<String, String> env = Map.of("PATH", "/bin", "_JAVA_SR_SIGNUM", "39", "HOME", "/h");
        assertEquals(Map.of("PATH", "/bin", "HOME", "/h"), SubmitterEnvironment.of(env, "_JAVA_SR_SIGNUM"));
        assertEquals(env, SubmitterEnvironment.of(env, ""));
    }
}
