package org.jobshell.core.job;

import java.nio.channels.Channel;
import java.util.function.Consumer;
import org.jobshell.core.spi.TaskLauncher;

/**
 * The launcher of one shell's tasks. Until the shell's first task is spawned, a channel the job's
 * launcher refuses to pass makes the shell take the first other launcher of the job that can (one the
 * job's size also reaches: see {@link LauncherChoice#choose}); from the first spawn on it is fixed, so
 * that every task of the shell is signalled through the launcher that started it.
 */
final class ShellLauncher {

    private final JobLaunchers launchers;
    private final Consumer<String> debug;
    private volatile JobLaunchers.Named current;
    private volatile boolean fixed;

    /**
     * @param launchers the job's launchers
     * @param debug logs a line at debug level: which launcher the shell took instead, and why
     */
    ShellLauncher(JobLaunchers launchers, Consumer<String> debug) {
        this.launchers = launchers;
        this.debug = debug;
        this.current = launchers.chosen();
    }

    /** @return the launcher the shell's tasks start with */
    TaskLauncher launcher() {
        return current.launcher();
    }

    /** @return its name, for messages */
    String name() {
        return current.name();
    }

    /** The first task is about to be spawned: the launcher no longer changes. */
    void fix() {
        fixed = true;
    }

    /**
     * @param channel a channel a plugin asks a task to inherit (or take as standard input)
     * @throws IllegalArgumentException when no launcher the shell may still take can pass it
     */
    void checkInheritable(Channel channel) {
        try {
            current.launcher().checkInheritable(channel);
        } catch (IllegalArgumentException refused) {
            if (fixed) {
                throw refused;
            }
            for (JobLaunchers.Named other : launchers.others()) {
                if (other != current && passes(other, channel)) {
                    debug.accept("tasks start with the " + other.name() + " launcher: the "
                            + current.name() + " launcher refused a descriptor (" + refused.getMessage() + ")");
                    current = other;
                    return;
                }
            }
            throw refused;
        }
    }

    private static boolean passes(JobLaunchers.Named launcher, Channel channel) {
        try {
            launcher.launcher().checkInheritable(channel);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
