package org.jobshell.launch;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Who runs a command line and from where: the process of {@code bin/jobshell} itself (one-shot,
 * {@link #self()}), or a client of the daemon, whose environment and working directory the jobs get.
 *
 * @param user the user name of the caller (peer credentials for a daemon client)
 * @param environment the caller's environment
 * @param cwd the caller's working directory
 * @param daemon true when the command runs in the long-lived container for a client of its socket
 */
public record Caller(String user, Map<String, String> environment, Path cwd, boolean daemon) {

    /** Checks that nothing is null and copies the environment. */
    public Caller {
        Objects.requireNonNull(user, "user");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(cwd, "cwd");
    }

    /** @return this process: its user, environment and working directory, not in a daemon */
    public static Caller self() {
        return new Caller(System.getProperty("user.name"), System.getenv(), Path.of(System.getProperty("user.dir")),
                false);
    }
}
