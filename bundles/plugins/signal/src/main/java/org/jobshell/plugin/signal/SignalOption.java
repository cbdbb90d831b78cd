package org.jobshell.plugin.signal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import org.jobshell.api.Fsd;
import org.jobshell.api.ShellException;

/**
 * Option {@code signal} (spec §3.2): absent or 0 for none; any other integer for the defaults
 * (SIGUSR1, 60 s before the time limit); or an object {@code {signum: N, timeleft: SECONDS|FSD}}.
 *
 * @param signum the signal to send
 * @param timeleft how long before the time limit, in seconds
 */
record SignalOption(int signum, double timeleft) {

    static final String NAME = "signal";
    static final SignalOption DEFAULT = new SignalOption(10, 60);
    private static final int MAX_SIGNAL = 64;

    /**
     * @param value the option's value, or null
     * @return what to send and when, or null for nothing
     * @throws ShellException for anything else, naming the key
     */
    static SignalOption of(JsonNode value) {
        if (value == null || value.isIntegralNumber() && value.asLong() == 0) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return DEFAULT;
        }
        if (!value.isObject()) {
            throw new ShellException("signal must be an integer or an object {signum, timeleft}, got " + value);
        }
        for (Iterator<String> keys = value.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!key.equals("signum") && !key.equals("timeleft")) {
                throw new ShellException("unknown key signal." + key + " (keys: signum, timeleft)");
            }
        }
        int signum = DEFAULT.signum();
        JsonNode s = value.get("signum");
        if (s != null) {
            if (!s.isIntegralNumber() || s.asLong() < 1 || s.asLong() > MAX_SIGNAL) {
                throw new ShellException("signal.signum must be a signal number from 1 to " + MAX_SIGNAL + ", got " + s);
            }
            signum = s.intValue();
        }
        return new SignalOption(signum, timeleft(value.get("timeleft")));
    }

    private static double timeleft(JsonNode t) {
        if (t == null) {
            return DEFAULT.timeleft();
        }
        if (t.isNumber() && t.doubleValue() >= 0) {
            return t.doubleValue();
        }
        if (t.isTextual()) {
            try {
                return Fsd.seconds(t.textValue(), 1);
            } catch (IllegalArgumentException e) {
                // said below
            }
        }
        throw new ShellException("signal.timeleft must be a number of seconds >= 0 or a Flux Standard Duration, got " + t);
    }

    /** @return the signal's name: SIGUSR1, or SIG followed by its number when it has no common name */
    String signame() {
        String[] names = {"HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
            "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
            "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"};
        return signum <= names.length ? "SIG" + names[signum - 1] : "SIG" + signum;
    }
}
