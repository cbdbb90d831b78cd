package org.jobshell.lua;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobshell.api.ShellException;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * Turns luaj's errors into the one line users see, {@code file:line: message}: luaj writes runtime
 * errors as {@code @file:line message}, wraps Java exceptions as {@code vm error: <exception>}, and
 * names tokens by number in syntax errors.
 */
final class LuaErrors {

    private static final Pattern LOCATED = Pattern.compile("^@?([^\\s:]+:\\d+):? (.*)$", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("unexpected symbol (\\d+) \\((.*?)\\)");
    private static final String VM_ERROR = "vm error: ";
    /** luaj's first token number that is not a character, and its end of stream. */
    private static final int FIRST_TOKEN = 257;
    private static final int EOS_TOKEN = 286;

    private LuaErrors() {
    }

    /**
     * @param e an error raised while Lua code ran
     * @return the message, one line
     */
    static String message(LuaError e) {
        if (e instanceof RcError) {
            return e.getMessage();
        }
        LuaValue object = e.getMessageObject();
        String m;
        if (object != null && !object.isstring() && !object.isnil()) {
            m = "error object is a " + object.typename() + " value";
        } else {
            m = e.getMessage();
        }
        if (m == null) {
            return "error object is nil";
        }
        Throwable cause = e.getCause();
        if (cause != null && !(cause instanceof LuaError)) {
            int at = m.indexOf(VM_ERROR);
            String where = at > 0 ? m.substring(0, at).trim() : "";
            return located(where, causeMessage(cause));
        }
        Matcher l = LOCATED.matcher(m);
        if (l.matches()) {
            return located(l.group(1), l.group(2));
        }
        return oneLine(syntax(m.startsWith("@") ? m.substring(1) : m));
    }

    private static String located(String where, String what) {
        String w = where.startsWith("@") ? where.substring(1) : where;
        return oneLine(w.isEmpty() ? syntax(what) : w + ": " + syntax(what));
    }

    private static String causeMessage(Throwable t) {
        if ((t instanceof ShellException || t instanceof IllegalArgumentException || t instanceof IllegalStateException)
                && t.getMessage() != null) {
            return t.getMessage();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** luaj names tokens by number: {@code unexpected symbol 61 (=)} becomes {@code unexpected symbol near '='}. */
    private static String syntax(String m) {
        Matcher t = TOKEN.matcher(m);
        if (!t.find()) {
            return m;
        }
        int token = Integer.parseInt(t.group(1));
        String near = token < FIRST_TOKEN ? "unexpected symbol near '" + t.group(2) + "'"
                : token == EOS_TOKEN ? "unexpected symbol near <eof>" : "unexpected symbol";
        return m.substring(0, t.start()) + near + m.substring(t.end());
    }

    private static String oneLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
