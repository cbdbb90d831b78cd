package org.jobshell.lua;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.jobshell.api.LogLevel;
import org.jobshell.api.ShellInfo;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The {@code shell} table of the rc files and Lua plugins (spec §4.5): information, options, the
 * job environment, logging, {@code shell.die}, and the rc helpers of {@link ShellHelpers}. Unknown
 * fields may be set and read back ({@code shell.mydata = {...}}); the API's own names are read-only.
 */
final class ShellApi {

    private static final Set<String> READ_ONLY = Set.of("info", "getenv", "setenv", "unsetenv", "rankinfo",
            "get_rankinfo", "options");

    private ShellApi() {
    }

    /**
     * @param runner the shell's Lua state
     * @return the table
     */
    static LuaTable table(RcRunner runner) {
        EnvFunctions env = new EnvFunctions("shell", () -> runner.shell().environment());
        LuaTable options = Lua.proxy(k -> LuaJson.toLua(runner.shell().options().get(k.tojstring())),
                (t, k, v) -> runner.shell().options().set(k.tojstring(),
                        LuaJson.toJson(v, "shell.options." + k.tojstring())));
        Map<String, LuaFunction> functions = Map.of(
                "log", log(runner, LogLevel.NOTICE),
                "debug", log(runner, LogLevel.DEBUG),
                "log_error", log(runner, LogLevel.ERROR),
                "die", Lua.fn("shell.die", a -> {
                    throw runner.die(a.optjstring(1, "shell.die called"));
                }),
                "get_rankinfo", Lua.fn("shell.get_rankinfo", a -> {
                    int rank = a.isnumber(1) ? a.toint(1) : -1;
                    try {
                        return LuaJson.toLua(runner.shell().rankInfo(rank).toJson());
                    } catch (IllegalArgumentException e) {
                        return Lua.result(false, "shell.get_rankinfo: " + e.getMessage());
                    }
                }));
        ShellHelpers helpers = new ShellHelpers(runner);
        return Lua.proxy(k -> {
            String key = k.tojstring();
            switch (key) {
                case "info":
                    return LuaJson.toLua(info(runner));
                case "rankinfo":
                    return LuaJson.toLua(runner.shell().rankInfo(-1).toJson());
                case "options":
                    return options;
                case "verbose":
                    return LuaValue.valueOf(runner.verbose());
                case "rcpath":
                    return runner.rcPath() == null ? LuaValue.NIL : LuaValue.valueOf(runner.rcPath());
                default:
                    LuaValue f = env.get(key);
                    if (f == null) {
                        f = functions.get(key);
                    }
                    return f != null ? f : helpers.get(key);
            }
        }, (t, k, v) -> {
            String key = k.tojstring();
            if (READ_ONLY.contains(key) || env.get(key) != null) {
                throw Lua.error("attempt to set read-only field shell." + key);
            }
            if (key.equals("verbose")) {
                if (!v.isboolean() && !v.isnumber()) {
                    throw Lua.error("shell.verbose: must be a boolean or a number, got a " + v.typename());
                }
                runner.verbose(v.isboolean() ? v.toboolean() : v.todouble() != 0);
                return;
            }
            t.rawset(k, v);
        });
    }

    private static LuaFunction log(RcRunner runner, LogLevel level) {
        return Lua.fn("shell.log", a -> {
            runner.shell().log().log(level, a.checkjstring(1));
            return LuaValue.NONE;
        });
    }

    private static ObjectNode info(RcRunner runner) {
        ShellInfo i = runner.shell().info();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("jobid", i.jobId());
        o.put("id", i.jobIdString());
        o.put("rank", i.rank());
        o.put("size", i.size());
        o.put("ntasks", i.totalTasks());
        o.putObject("options").put("verbose", runner.shell().options().getInt("verbose", 0));
        o.set("jobspec", i.jobspec());
        o.set("R", i.resources());
        o.put("cwd", i.cwd().toString());
        return o;
    }
}
