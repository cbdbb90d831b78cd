package org.jobshell.lua;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.Bit32Lib;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseIoLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.jse.JseOsLib;

/**
 * A new Lua state with the standard libraries of the reference's initrc (base, package, table,
 * string, math, io, os, coroutine, bit32), without {@code luajava}: Lua code reaches Java only
 * through the jobshell API (osgi-stack.md: {@code luajava.bindClass} cannot see bundle classes
 * anyway). {@code os.exit} would end the whole container, so it raises an error instead.
 */
final class LuaGlobals {

    private LuaGlobals() {
    }

    /** @return a fresh state */
    static Globals create() {
        Globals g = new Globals();
        g.load(new JseBaseLib());
        g.load(new PackageLib());
        g.load(new Bit32Lib());
        g.load(new TableLib());
        g.load(new StringLib());
        g.load(new CoroutineLib());
        g.load(new JseMathLib());
        g.load(new JseIoLib());
        g.load(new JseOsLib());
        LoadState.install(g);
        LuaC.install(g);
        LuaValue os = g.get("os");
        if (os instanceof LuaTable) {
            os.rawset("exit", Lua.fn("exit", a -> {
                throw Lua.error("os.exit would end every job of the container: use shell.die(message)");
            }));
        }
        return g;
    }
}
