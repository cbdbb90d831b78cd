package org.jobshell.core.spi;

/**
 * How a process ended: with an exit code, or killed by a signal (possibly dumping core).
 *
 * @param code the exit code, or 0 when a signal killed the process
 * @param signal the signal that killed it, or 0
 * @param coreDumped whether it dumped core (only with a signal)
 */
public record ExitStatus(int code, int signal, boolean coreDumped) {

    private static final int MAX_SIGNAL = 64;

    /** Linux x86_64/arm64 signal names, indexed by number (0 is none). */
    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ",
        "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};
    private static final int SIGRTMIN = 34;

    /**
     * @param code an exit code, 0-255
     * @return the status of a process that exited with it
     */
    public static ExitStatus exited(int code) {
        return new ExitStatus(code, 0, false);
    }

    /**
     * @param signal the signal number
     * @param coreDumped whether the process dumped core
     * @return the status of a process killed by it
     */
    public static ExitStatus killed(int signal, boolean coreDumped) {
        return new ExitStatus(0, signal, coreDumped);
    }

    /**
     * The JDK reports a process killed by signal N as {@code 128 + N}, like a shell's {@code $?}; it
     * cannot tell that from {@code exit(128 + N)}, and neither can this.
     *
     * @param exitValue {@link Process#exitValue()}
     * @return the status it most likely means
     */
    public static ExitStatus fromJdk(int exitValue) {
        return exitValue > 128 && exitValue <= 128 + MAX_SIGNAL ? killed(exitValue - 128, false) : exited(exitValue);
    }

    /** @return the exit code users see: the code, or {@code 128 + signal} */
    public int exitCode() {
        return signal != 0 ? 128 + signal : code;
    }

    /**
     * @param signal a signal number
     * @return its name ({@code SIGSEGV}, {@code SIGRTMIN+2}), or {@code signal N} for an unknown one
     */
    public static String signalName(int signal) {
        if (signal > 0 && signal < NAMES.length) {
            return NAMES[signal];
        }
        if (signal >= SIGRTMIN && signal <= MAX_SIGNAL) {
            return signal == SIGRTMIN ? "SIGRTMIN" : "SIGRTMIN+" + (signal - SIGRTMIN);
        }
        return "signal " + signal;
    }

    /**
     * @return what users read: {@code exited with 3}, {@code killed by SIGSEGV},
     *     {@code killed by SIGSEGV (core dumped)}
     */
    public String describe() {
        if (signal == 0) {
            return "exited with " + code;
        }
        return "killed by " + signalName(signal) + (coreDumped ? " (core dumped)" : "");
    }

    /** @return the wait(2) status word */
    public int waitStatus() {
        return signal != 0 ? signal | (coreDumped ? 0x80 : 0) : (code & 0xff) << 8;
    }
}
