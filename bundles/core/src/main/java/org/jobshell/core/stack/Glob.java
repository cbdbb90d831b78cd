package org.jobshell.core.stack;

import java.util.Arrays;

/**
 * A topic glob compiled once: POSIX fnmatch(3) with no flags. {@code *} matches any sequence
 * (dots included), {@code ?} one character, {@code [...]} a set with ranges and {@code !}/{@code ^}
 * negation, backslash escapes the next character. Matching allocates nothing.
 */
public final class Glob {

    private enum Kind { ANY, LITERAL, PREFIX, AFFIX, PATTERN }

    /** Token kinds of a compiled PATTERN glob. */
    private static final byte CHAR = 0;
    private static final byte ONE = 1;
    private static final byte SET = 2;
    private static final byte STAR = 3;

    private final String pattern;
    private final Kind kind;
    private final String literal;
    /** AFFIX: the part after the star; PATTERN: the literal characters before the first token. */
    private final String suffix;
    /** PATTERN only: one entry per token after the literal prefix. */
    private final byte[] kinds;
    private final char[] chars;
    /** For a SET token: inclusive ranges lo0, hi0, lo1, hi1, ... */
    private final char[][] sets;
    private final boolean[] negated;

    private Glob(String pattern, Kind kind, String literal, String suffix) {
        this.pattern = pattern;
        this.kind = kind;
        this.literal = literal;
        this.suffix = suffix;
        this.kinds = null;
        this.chars = null;
        this.sets = null;
        this.negated = null;
    }

    private Glob(String pattern, String prefix, byte[] kinds, char[] chars, char[][] sets, boolean[] negated) {
        this.pattern = pattern;
        this.kind = Kind.PATTERN;
        this.literal = prefix;
        this.suffix = null;
        this.kinds = kinds;
        this.chars = chars;
        this.sets = sets;
        this.negated = negated;
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
            return new Glob(pattern, Kind.ANY, null, null);
        }
        int firstMeta = firstMeta(pattern, 0);
        if (firstMeta < 0) {
            return new Glob(pattern, Kind.LITERAL, pattern, null);
        }
        if (pattern.charAt(firstMeta) == '*' && firstMeta(pattern, firstMeta + 1) < 0) {
            String prefix = pattern.substring(0, firstMeta);
            String after = pattern.substring(firstMeta + 1);
            return after.isEmpty() ? new Glob(pattern, Kind.PREFIX, prefix, null)
                    : new Glob(pattern, Kind.AFFIX, prefix, after);
        }
        return tokens(pattern, firstMeta);
    }

    private static int firstMeta(String p, int from) {
        for (int i = from; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Compiles a PATTERN glob: its literal prefix (up to the first metacharacter), then tokens: a
     * character, '?', a bracket set, or '*'.
     */
    private static Glob tokens(String p, int firstMeta) {
        int n = p.length();
        byte[] kinds = new byte[n];
        char[] chars = new char[n];
        char[][] sets = new char[n][];
        boolean[] negated = new boolean[n];
        int t = 0;
        for (int i = firstMeta; i < n; i++) {
            char c = p.charAt(i);
            if (c == '*') {
                if (t == 0 || kinds[t - 1] != STAR) { // consecutive stars are one
                    kinds[t++] = STAR;
                }
            } else if (c == '?') {
                kinds[t++] = ONE;
            } else if (c == '[' && bracketEnd(p, i) > 0) {
                int end = bracketEnd(p, i);
                int from = i + 1;
                if (p.charAt(from) == '!' || p.charAt(from) == '^') {
                    negated[t] = true;
                    from++;
                }
                sets[t] = ranges(p, from, end);
                kinds[t++] = SET;
                i = end;
            } else {
                if (c == '\\' && i + 1 < n) {
                    c = p.charAt(++i);
                }
                kinds[t] = CHAR;
                chars[t++] = c;
            }
        }
        return new Glob(p, p.substring(0, firstMeta), Arrays.copyOf(kinds, t), Arrays.copyOf(chars, t),
                Arrays.copyOf(sets, t), Arrays.copyOf(negated, t));
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

    /** The members of a set between {@code from} and {@code end} as inclusive ranges. */
    private static char[] ranges(String p, int from, int end) {
        StringBuilder r = new StringBuilder();
        int i = from;
        while (i < end) {
            char lo = p.charAt(i);
            if (lo == '\\' && i + 1 < end) {
                lo = p.charAt(++i);
            }
            char hi = lo;
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                hi = p.charAt(i + 2);
                i += 2;
                if (hi == '\\' && i + 1 < end) {
                    hi = p.charAt(++i);
                }
            }
            r.append(lo).append(hi);
            i++;
        }
        return r.toString().toCharArray();
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
            case AFFIX:
                return topic.length() >= literal.length() + suffix.length() && topic.startsWith(literal)
                        && topic.endsWith(suffix);
            default:
                return topic.startsWith(literal) && matchTokens(topic, literal.length());
        }
    }

    /** Iterative wildcard matching: on a mismatch, let the last '*' take one more character. */
    private boolean matchTokens(String s, int from) {
        int n = kinds.length;
        int p = 0;
        int i = from;
        int starToken = -1;
        int starFrom = 0;
        while (i < s.length()) {
            if (p < n && kinds[p] != STAR && matchesOne(p, s.charAt(i))) {
                p++;
                i++;
            } else if (p < n && kinds[p] == STAR) {
                starToken = p++;
                starFrom = i;
            } else if (starToken >= 0) {
                p = starToken + 1;
                i = ++starFrom;
            } else {
                return false;
            }
        }
        while (p < n && kinds[p] == STAR) {
            p++;
        }
        return p == n;
    }

    private boolean matchesOne(int token, char c) {
        switch (kinds[token]) {
            case CHAR:
                return chars[token] == c;
            case ONE:
                return true;
            default:
                char[] r = sets[token];
                boolean in = false;
                for (int k = 0; k < r.length; k += 2) {
                    if (c >= r[k] && c <= r[k + 1]) {
                        in = true;
                        break;
                    }
                }
                return in != negated[token];
        }
    }

    @Override
    public String toString() {
        return pattern;
    }
}
