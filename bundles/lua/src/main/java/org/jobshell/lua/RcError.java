package org.jobshell.lua;

import org.luaj.vm2.LuaError;

/**
 * An rc file failed: carries the file and the one-line message naming the culprit, unchanged while
 * it unwinds through the files that sourced it (luaj would prefix each caller's line).
 */
final class RcError extends LuaError {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String text;

    /**
     * @param file the rc file that failed, as named to the user
     * @param text what went wrong, with {@code file:line} where known
     */
    RcError(String file, String text) {
        super(text, 0);
        this.file = file;
        this.text = text;
    }

    /** @return the rc file that failed */
    String file() {
        return file;
    }

    @Override
    public String getMessage() {
        return text;
    }
}
