package org.jobshell.lua;

import java.util.List;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.luaj.vm2.LuaFunction;

/**
 * A plugin that {@code plugin.register} made: attached to the one shell whose Lua state holds its
 * functions, it registers one handler per entry, in order (the first whose glob matches runs).
 */
final class LuaPlugin implements ShellPlugin {

    /**
     * One entry of the handlers table.
     *
     * @param topic the topic glob
     * @param fn the Lua function
     */
    record Entry(String topic, LuaFunction fn) {
    }

    private final RcRunner runner;
    private final List<Entry> entries;

    LuaPlugin(RcRunner runner, List<Entry> entries) {
        this.runner = runner;
        this.entries = List.copyOf(entries);
    }

    @Override
    public void attach(PluginContext plugin) {
        for (Entry e : entries) {
            plugin.handle(e.topic(), new LuaHandler(runner, e.fn()));
        }
    }
}
