package org.jobshell.cli;

import java.util.List;

/**
 * Walks command line arguments the GNU way: {@code -n4}, {@code -n 4}, {@code --ntasks=4},
 * {@code --ntasks 4}; options stop at the first word that is not one, or after {@code --}.
 */
final class ArgReader {

    private final List<String> args;
    private int next;
    private String pendingValue;
    private String current;

    ArgReader(List<String> args) {
        this.args = args;
    }

    /**
     * @return the next option (e.g. {@code -n} or {@code --ntasks}), or null when the options end
     *     (the rest is then {@link #rest()})
     */
    String nextOption() {
        pendingValue = null;
        if (next >= args.size()) {
            return null;
        }
        String a = args.get(next);
        if (a.equals("--")) {
            next++;
            return null;
        }
        if (!a.startsWith("-") || a.equals("-")) {
            return null;
        }
        next++;
        if (a.startsWith("--")) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                pendingValue = a.substring(eq + 1);
                current = a.substring(0, eq);
                return current;
            }
            current = a;
            return a;
        }
        if (a.length() > 2) {
            pendingValue = a.substring(2);
            current = a.substring(0, 2);
            return current;
        }
        current = a;
        return a;
    }

    /**
     * @return the current option's value, attached or in the next argument
     * @throws UsageException when there is none
     */
    String value() {
        if (pendingValue != null) {
            String v = pendingValue;
            pendingValue = null;
            return v;
        }
        if (next >= args.size()) {
            throw new UsageException(current + ": needs a value");
        }
        return args.get(next++);
    }

    /** @throws UsageException when the current flag was given a value ({@code --label-io=x}) */
    void noValue() {
        if (pendingValue != null && current.startsWith("--")) {
            throw new UsageException(current + ": takes no value");
        }
        if (pendingValue != null) {
            // combined short flags such as -vv: push the rest back as flags
            String rest = "-" + pendingValue;
            pendingValue = null;
            args.set(--next, rest);
        }
    }

    /** @return the arguments after the options */
    List<String> rest() {
        return args.subList(next, args.size());
    }
}
