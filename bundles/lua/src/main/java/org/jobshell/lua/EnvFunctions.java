package org.jobshell.lua;

import java.util.Map;
import java.util.function.Supplier;
import org.jobshell.api.Environment;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * {@code getenv}, {@code setenv} and {@code unsetenv} over an environment: the job's for
 * {@code shell.*}, the current task's for {@code task.*}. {@code getenv()} with no name gives the whole
 * environment as a table; {@code setenv(name, value, overwrite)} overwrites unless the third argument
 * is {@code false} or {@code 0} (the reference's integer reading of {@code true} as 0 is not kept);
 * {@code setenv} and {@code unsetenv} return {@code true}, or {@code nil} and a message.
 */
final class EnvFunctions {

    private final LuaFunction getenv;
    private final LuaFunction setenv;
    private final LuaFunction unsetenv;

    /**
     * @param prefix {@code shell} or {@code task}, for messages
     * @param env the environment to act on, asked at each call
     */
    EnvFunctions(String prefix, Supplier<Environment> env) {
        this.getenv = Lua.fn(prefix + ".getenv", a -> {
            Environment e = env.get();
            if (a.isnoneornil(1)) {
                LuaTable all = new LuaTable();
                for (Map.Entry<String, String> v : e.toMap().entrySet()) {
                    all.rawset(v.getKey(), LuaValue.valueOf(v.getValue()));
                }
                return all;
            }
            String value = e.get(a.checkjstring(1));
            return value == null ? LuaValue.NIL : LuaValue.valueOf(value);
        });
        this.setenv = Lua.fn(prefix + ".setenv", a -> {
            String name = a.checkjstring(1);
            String value = a.checkjstring(2);
            try {
                env.get().set(name, value, overwrite(a.arg(3)));
                return LuaValue.TRUE;
            } catch (IllegalArgumentException e) {
                return Lua.result(false, prefix + ".setenv: " + e.getMessage());
            }
        });
        this.unsetenv = Lua.fn(prefix + ".unsetenv", a -> {
            String name = a.checkjstring(1);
            return Lua.result(env.get().unset(name), prefix + ".unsetenv: " + name + ": No such variable");
        });
    }

    private static boolean overwrite(LuaValue v) {
        if (v.isnil()) {
            return true;
        }
        if (v.isboolean()) {
            return v.toboolean();
        }
        return !v.isnumber() || v.todouble() != 0;
    }

    /**
     * @param key {@code getenv}, {@code setenv} or {@code unsetenv}
     * @return the function, or null for another key
     */
    LuaValue get(String key) {
        switch (key) {
            case "getenv":
                return getenv;
            case "setenv":
                return setenv;
            case "unsetenv":
                return unsetenv;
            default:
                return null;
        }
    }
}
