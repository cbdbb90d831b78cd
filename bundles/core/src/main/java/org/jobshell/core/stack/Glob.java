package org.jobshell.core.stack;

/**
 * A topic glob compiled once: POSIX fnmatch(3) with no flags. {@code *} matches any sequence
 * (dots included), {@code ?} one character, {@code [...]} a set with ranges and {@code !}/{@code ^}
 * negation, backslash escapes the next character. Matching allocates nothing.
 */
public final class Glob {

    private enum Kind { ANY, LITERAL, PREFIX, PATTERN }

    private final String pattern;
    private final Kind kind;
    private final String literal;

    private Glob(String pattern, Kind kind, String literal) {
        this.pattern = pattern;
        this.kind = kind;
        this.literal = literal;
    }

    /**
     * @param pattern the glob
     * @return the compiled glob
     * @throws IllegalArgumentException if the pattern is null or empty
     */
    public static Glob compile(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("topic glob must not be empty");
        }
        if ("*".equals(pattern)) {
            return new Glob(pattern, Kind.ANY, null);
        }
        int firstMeta = firstMeta(pattern);
        if (firstMeta < 0) {
            return new Glob(pattern, Kind.LITERAL, pattern);
        }
        if (firstMeta == pattern.length() - 1 && pattern.charAt(firstMeta) == '*') {
            return new Glob(pattern, Kind.PREFIX, pattern.substring(0, firstMeta));
        }
        return new Glob(pattern, Kind.PATTERN, null);
    }

    private static int firstMeta(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** @return the pattern as given */
    public String pattern() {
        return pattern;
    }

    /**
     * @param topic a topic
     * @return whether the whole topic matches
     */
    public boolean matches(String topic) {
        switch (kind) {
            case ANY:
                return true;
            case LITERAL:
                return literal.equals(topic);
            case PREFIX:
                return topic.startsWith(literal);
            default:
                return match(pattern, 0, topic, 0);
        }
    }

    /** Backtracking fnmatch; recursion only at '*', bounded by the pattern's stars. */
    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            char sc = s.charAt(si);
            if (c == '?') {
                pi++;
            } else if (c == '[') {
                int end = bracketEnd(p, pi);
                if (end < 0) {
                    // an unterminated '[' is an ordinary character
                    if (sc != '[') {
                        return false;
                    }
                    pi++;
                } else {
                    if (!bracketMatches(p, pi + 1, end, sc)) {
                        return false;
                    }
                    pi = end + 1;
                }
            } else {
                if (c == '\\' && pi + 1 < p.length()) {
                    pi++;
                    c = p.charAt(pi);
                }
                if (c != sc) {
                    return false;
                }
                pi++;
            }
            si++;
        }
        return si == s.length();
    }

    /** @return the index of the closing ']' of the set starting at {@code open}, or -1 */
    private static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++; // a leading ']' is a member
        }
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                i += 2;
                continue;
            }
            if (c == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean bracketMatches(String p, int from, int end, char sc) {
        boolean negate = false;
        int i = from;
        if (p.charAt(i) == '!' || p.charAt(i) == '^') {
            negate = true;
            i++;
        }
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char lo = p.charAt(i);
            if (lo == '\\' && i + 1 < end) {
                i++;
                lo = p.charAt(i);
            } else if (lo == ']' && !first) {
                break;
            }
            first = false;
            char hi = lo;
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                hi = p.charAt(i + 2);
                if (hi == '\\' && i + 3 < end) {
                    hi = p.charAt(i + 3);
                    i++;
                }
                i += 2;
            }
            if (sc >= lo && sc <= hi) {
                found = true;
            }
            i++;
        }
        return found != negate;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
