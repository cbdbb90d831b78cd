package org.jobshell.lua;

import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The {@code plugin} table of the rc files (spec §4.4): {@code plugin.register}, {@code plugin.load},
 * {@code plugin.searchpath} (read and assign), and {@code plugin.conf}, the conf of the Lua plugin
 * file being loaded. Assigning anything else is an error.
 */
final class PluginApi {

    private PluginApi() {
    }

    /**
     * @param runner the shell's Lua state
     * @return the table
     */
    static LuaTable table(RcRunner runner) {
        LuaFunction register = Lua.fn("register", a -> {
            Registration.register(runner, a.arg1());
            return LuaValue.NONE;
        });
        LuaFunction load = Lua.fn("load", a -> {
            PluginLoader.load(runner, a.arg1());
            return LuaValue.NONE;
        });
        return Lua.proxy(key -> {
            switch (key.tojstring()) {
                case "register":
                    return register;
                case "load":
                    return load;
                case "searchpath":
                    return runner.searchPath() == null ? LuaValue.NIL : LuaValue.valueOf(runner.searchPath());
                case "conf":
                    return runner.loadConfLua();
                default:
                    return LuaValue.NIL;
            }
        }, (t, key, value) -> {
            if (!key.tojstring().equals("searchpath")) {
                throw Lua.error("invalid plugin method " + key.tojstring() + " called");
            }
            if (!value.isnil() && Lua.string(value) == null) {
                throw Lua.error("plugin.searchpath: must be a string of directories separated by ':', got a "
                        + value.typename());
            }
            runner.searchPath(value.isnil() ? null : value.tojstring());
        });
    }
}
