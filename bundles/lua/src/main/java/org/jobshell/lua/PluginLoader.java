package org.jobshell.lua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaValue;

/**
 * {@code plugin.load(pattern)} and {@code plugin.load{file=pattern, conf=table}} (spec §1.3): a
 * pattern that starts with {@code /}, {@code ~} or {@code ./}, or any pattern when there is no search
 * path, is taken as it is; otherwise it is looked up in each directory of {@code plugin.searchpath},
 * the last directory first (so that, the last loaded name winning, an earlier directory overrides a
 * later one). A {@code .lua} match is a Lua plugin file, a {@code .jar} match a plugin bundle; the
 * first that fails ends the load. A pattern without wildcards that matches nothing is an error.
 */
final class PluginLoader {

    private PluginLoader() {
    }

    /**
     * @param runner the shell's Lua state
     * @param spec the argument of {@code plugin.load}
     */
    static void load(RcRunner runner, LuaValue spec) {
        String pattern;
        ObjectNode conf = null;
        if (Lua.string(spec) != null) {
            pattern = spec.tojstring();
        } else if (spec.istable() && Lua.string(spec.get("file")) != null) {
            pattern = spec.get("file").tojstring();
            if (spec.get("conf").istable()) {
                JsonNode c = LuaJson.toJson(spec.get("conf"), "plugin.load: conf");
                conf = c.isObject() ? (ObjectNode) c : null;
                if (conf == null) {
                    throw Lua.error("plugin.load: " + pattern + ": conf must be a table of keys, not a list");
                }
            }
        } else {
            throw Lua.error("plugin.load: invalid argument");
        }
        List<RcFiles.Match> files = find(runner, pattern);
        if (files.isEmpty() && !RcFiles.isGlob(pattern)) {
            throw Lua.error("plugin.load: " + pattern + ": File not found");
        }
        for (RcFiles.Match m : files) {
            String name = m.path().getFileName() == null ? "" : m.path().getFileName().toString();
            if (Files.isDirectory(m.path())) {
                throw Lua.error("plugin.load: " + m.display() + ": Is a directory");
            } else if (name.endsWith(".lua")) {
                runner.runPluginFile(m.display(), m.path(), conf);
            } else if (name.endsWith(".jar")) {
                runner.context().bundles().load(runner, m.display(), m.path(), conf);
            } else {
                throw Lua.error("plugin.load: " + m.display() + ": not a Lua plugin file (.lua) or a plugin bundle (.jar)");
            }
        }
    }

    private static List<RcFiles.Match> find(RcRunner runner, String pattern) {
        String path = runner.searchPath();
        if (path == null || pattern.startsWith("/") || pattern.startsWith("~") || pattern.startsWith("./")) {
            return RcFiles.expand(pattern, runner);
        }
        String[] dirs = path.split(":");
        List<RcFiles.Match> found = new ArrayList<>();
        for (int i = dirs.length - 1; i >= 0; i--) {
            if (!dirs[i].isEmpty()) {
                found.addAll(RcFiles.expand(dirs[i] + "/" + pattern, runner));
            }
        }
        return found;
    }
}
