package org.jobshell.cli;

import java.util.List;
import java.util.Locale;

/** Signal names as {@code kill -s} takes them: {@code TERM}, {@code SIGTERM} or {@code 15}. */
final class SignalNames {

    static final int TERM = 15;

    /** Linux x86/arm numbering, index = number. */
    private static final List<String> NAMES = List.of("", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN",
            "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    private SignalNames() {
    }

    /**
     * @param text a name or number
     * @return the signal number
     * @throws UsageException naming the text when it is no signal
     */
    static int parse(String text) {
        String name = text.toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        int i = NAMES.indexOf(name);
        if (i > 0) {
            return i;
        }
        try {
            int n = Integer.parseInt(text);
            if (n > 0 && n < 65) {
                return n;
            }
        } catch (NumberFormatException e) {
            // not a number either
        }
        throw new UsageException("bad signal '" + text + "': a name such as TERM or USR1, or a number from 1 to 64");
    }
}
