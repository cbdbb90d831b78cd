package org.jobshell.launcher;

import java.util.List;

/**
 * The signals {@code bin/jobshell} takes from the JVM and hands to the command, one-shot or through
 * the daemon: INT, TERM and HUP cancel the job; USR1, USR2, CONT, WINCH and ALRM go to its tasks and
 * the job goes on (applications checkpoint on USR1/USR2). bin/jobshell moves HotSpot's own
 * suspend/resume signal off SIGUSR2 ({@code _JAVA_SR_SIGNUM}) so that the JVM can take it.
 */
final class ForwardedSignals {

    /** The signals, by their names without {@code SIG}. */
    static final List<String> NAMES = List.of("INT", "TERM", "HUP", "USR1", "USR2", "CONT", "WINCH", "ALRM");

    private ForwardedSignals() {
    }
}
