package org.jobshell.lua;

import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Environment;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * The helpers the reference's {@code flux.shell} module adds to {@code shell} (spec §4.5):
 * {@code getopt_with_version}, {@code prepend_path}, {@code env_strip}, {@code source_rcpath} and
 * {@code source_rcpath_option}. The rc path is {@code <dir of the initrc>/lua.d}, then each
 * directory of the job environment's {@value #RC_PATH}.
 */
final class ShellHelpers {

    /** The job environment variable with more rc directories, colon-separated. */
    static final String RC_PATH = "JOBSHELL_SHELL_RC_PATH";

    private final RcRunner runner;
    private final LuaFunction getoptWithVersion;
    private final LuaFunction prependPath;
    private final LuaFunction envStrip;
    private final LuaFunction sourceRcpath;
    private final LuaFunction sourceRcpathOption;

    ShellHelpers(RcRunner runner) {
        this.runner = runner;
        this.getoptWithVersion = Lua.fn("shell.getopt_with_version", a -> optionWithVersion(a.checkjstring(1)));
        this.prependPath = Lua.fn("shell.prepend_path", a -> {
            prepend(a.checkjstring(1), a.checkjstring(2));
            return LuaValue.NONE;
        });
        this.envStrip = Lua.fn("shell.env_strip", a -> {
            strip(a);
            return LuaValue.NONE;
        });
        this.sourceRcpath = Lua.fn("shell.source_rcpath", a -> {
            for (String dir : rcDirs()) {
                runner.source(dir + "/" + a.checkjstring(1));
            }
            return LuaValue.NONE;
        });
        this.sourceRcpathOption = Lua.fn("shell.source_rcpath_option", a -> {
            String opt = a.checkjstring(1);
            Varargs v = optionWithVersion(opt);
            if (v.arg1().isnil() || v.arg1().tojstring().equals("none")) {
                return LuaValue.NONE;
            }
            for (String dir : rcDirs()) {
                String base = dir + "/" + opt + "/" + v.arg1().tojstring();
                runner.sourceIfExists(base + ".lua");
                if (!v.arg(2).isnil()) {
                    runner.sourceIfExists(base + "@" + v.arg(2).tojstring() + ".lua");
                }
            }
            return LuaValue.NONE;
        });
    }

    /**
     * @param key a field of {@code shell}
     * @return the helper of that name, or nil
     */
    LuaValue get(String key) {
        switch (key) {
            case "getopt_with_version":
                return getoptWithVersion;
            case "prepend_path":
                return prependPath;
            case "env_strip":
                return envStrip;
            case "source_rcpath":
                return sourceRcpath;
            case "source_rcpath_option":
                return sourceRcpathOption;
            default:
                return LuaValue.NIL;
        }
    }

    private Varargs optionWithVersion(String name) {
        String value = Lua.string(LuaJson.toLua(runner.shell().options().get(name)));
        if (value == null) {
            return LuaValue.NIL;
        }
        int at = value.indexOf('@');
        return at < 0 ? LuaValue.valueOf(value)
                : LuaValue.varargsOf(LuaValue.valueOf(value.substring(0, at)), LuaValue.valueOf(value.substring(at + 1)));
    }

    private void prepend(String var, String path) {
        Environment env = runner.shell().environment();
        String now = env.get(var);
        if (now == null || now.isEmpty()) {
            env.set(var, path);
        } else if (!List.of(now.split(":", -1)).contains(path)) {
            env.set(var, path + ":" + now);
        }
    }

    private void strip(Varargs patterns) {
        LuaValue find = runner.globals().get("string").get("find");
        Environment env = runner.shell().environment();
        for (String name : env.toMap().keySet()) {
            for (int i = 1; i <= patterns.narg(); i++) {
                if (!find.call(LuaValue.valueOf(name), patterns.checkstring(i)).isnil()) {
                    env.unset(name);
                    break;
                }
            }
        }
    }

    private List<String> rcDirs() {
        List<String> dirs = new ArrayList<>();
        if (runner.rcPath() != null) {
            dirs.add(runner.rcPath() + "/lua.d");
        }
        String more = runner.shell().environment().get(RC_PATH);
        if (more != null) {
            for (String d : more.split(":")) {
                if (!d.isEmpty()) {
                    dirs.add(d);
                }
            }
        }
        return dirs;
    }
}
