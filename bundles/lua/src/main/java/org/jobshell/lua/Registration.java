package org.jobshell.lua;

import java.util.ArrayList;
import java.util.List;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaValue;

/**
 * {@code plugin.register{name=, handlers={{topic=, fn=}, ...}}}: checks the table as the reference
 * does (spec §4.4) and pushes the plugin at once; its name defaults to the rc file that registers
 * it, so two anonymous plugins of one file replace each other.
 */
final class Registration {

    private Registration() {
    }

    /**
     * @param runner the shell's Lua state
     * @param spec the argument
     * @throws org.luaj.vm2.LuaError for a bad table, or outside the rc files
     */
    static void register(RcRunner runner, LuaValue spec) {
        if (!spec.istable()) {
            throw Lua.error("plugin.register: argument must be a table, got a " + spec.typename());
        }
        if (!runner.inRcPhase() || runner.currentFile() == null) {
            throw Lua.error("plugin.register: plugins can only be registered while the rc files run");
        }
        LuaValue nameValue = spec.get("name");
        if (!nameValue.isnil() && Lua.string(nameValue) == null) {
            throw Lua.error("plugin.register: 'name' must be a string, got a " + nameValue.typename());
        }
        String name = nameValue.isnil() ? runner.currentFile() : nameValue.tojstring();
        if (name.isEmpty()) {
            throw Lua.error("plugin.register: 'name' is empty");
        }
        LuaValue handlers = spec.get("handlers");
        if (!handlers.istable()) {
            throw Lua.error("plugin.register: required handlers table missing");
        }
        List<LuaPlugin.Entry> entries = new ArrayList<>();
        for (int i = 1; !handlers.get(i).isnil(); i++) {
            LuaValue h = handlers.get(i);
            String topic = h.istable() ? Lua.string(h.get("topic")) : null;
            if (topic == null) {
                throw Lua.error("plugin.register: Missing or invalid 'topic' in handler entry " + i);
            }
            if (!h.get("fn").isfunction()) {
                throw Lua.error("plugin.register: Missing or invalid 'fn' in handler entry " + i);
            }
            entries.add(new LuaPlugin.Entry(topic, (LuaFunction) h.get("fn")));
        }
        if (entries.isEmpty()) {
            throw Lua.error("plugin.register: handlers table exists but has no entries. (not an array?)");
        }
        String file = runner.currentFile();
        List<String> names = runner.stack().names();
        if (names.contains(name)) {
            runner.shell().log().debug("plugin '" + name + "' of " + file + " replaces the plugin of that name");
        }
        runner.stack().push(name, new LuaPlugin(runner, entries), runner.context().origin("Lua file " + file), false,
                runner.loadConf() == null ? null : runner.loadConf().deepCopy());
    }
}
