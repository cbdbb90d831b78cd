package org.jobshell.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment {@code jobshell run} was started with, which becomes the job's: this JVM's, less
 * what {@code bin/jobshell} added for the JVM itself (system property {@value #HIDE}, a comma list
 * of names, such as {@code _JAVA_SR_SIGNUM}).
 */
final class SubmitterEnvironment {

    /** The system property naming the variables bin/jobshell set for the JVM only. */
    static final String HIDE = "jobshell.env.hide";

    private SubmitterEnvironment() {
    }

    /** @return the submitter's environment */
    static Map<String, String> current() {
        return of(System.getenv(), System.getProperty(HIDE, ""));
    }

    /**
     * @param environment an environment
     * @param hidden the comma-separated names to leave out
     * @return a copy without them
     */
    static Map<String, String> of(Map<String, String> environment, String hidden) {
        Map<String, String> env = new HashMap<>(environment);
        for (String name : hidden.split(",")) {
            env.remove(name.trim());
        }
        return env;
    }
}
