package org.jobshell.lua;

import java.util.function.Function;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** Small helpers to build the Lua API from Java: functions from lambdas, proxy tables, errors. */
final class Lua {

    private Lua() {
    }

    /**
     * @param name the function's name, for luaj's messages
     * @param body what it does with its arguments
     * @return a Lua function
     */
    static LuaFunction fn(String name, Function<Varargs, Varargs> body) {
        return new VarArgFunction() {
            {
                this.name = name;
            }

            @Override
            public Varargs invoke(Varargs args) {
                return body.apply(args);
            }
        };
    }

    /**
     * A table whose reads and writes go to functions (the metatable's {@code __index} and
     * {@code __newindex}); the table itself stays empty, so {@code pairs} sees nothing.
     *
     * @param index {@code (key) -> value}
     * @param newIndex {@code (key, value) -> nothing}, or null to store writes in the table
     * @return the proxy
     */
    static LuaTable proxy(Function<LuaValue, LuaValue> index, NewIndex newIndex) {
        LuaTable meta = new LuaTable();
        meta.rawset(LuaValue.INDEX, fn("__index", a -> index.apply(a.arg(2))));
        if (newIndex != null) {
            meta.rawset(LuaValue.NEWINDEX, fn("__newindex", a -> {
                newIndex.set(a.checktable(1), a.arg(2), a.arg(3));
                return LuaValue.NONE;
            }));
        }
        LuaTable t = new LuaTable();
        t.setmetatable(meta);
        return t;
    }

    /** What a proxy does with an assignment. */
    @FunctionalInterface
    interface NewIndex {
        /**
         * @param table the proxy table (to {@code rawset} into it)
         * @param key the key
         * @param value the value
         */
        void set(LuaTable table, LuaValue key, LuaValue value);
    }

    /**
     * @param message the error
     * @return an error for Lua code to raise; luaj adds the calling line's {@code file:line}
     */
    static LuaError error(String message) {
        return new LuaError(message);
    }

    /**
     * @param value a Lua value
     * @return its string, or null unless it is a string (numbers are not strings here)
     */
    static String string(LuaValue value) {
        return value.type() == LuaValue.TSTRING ? value.tojstring() : null;
    }

    /**
     * @param ok whether it worked
     * @param problem the message when it did not
     * @return {@code true}, or {@code nil, problem}: the reference's convention for env functions
     */
    static Varargs result(boolean ok, String problem) {
        return ok ? LuaValue.TRUE : LuaValue.varargsOf(LuaValue.NIL, LuaValue.valueOf(problem));
    }
}
