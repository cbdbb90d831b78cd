package org.jobshell.lua;

import java.util.function.BooleanSupplier;
import org.jobshell.core.spi.PluginOrigin;

/**
 * Where a plugin the Lua source pushes comes from.
 *
 * @param describe what messages call it: {@code Lua file rc.lua}, {@code bundle x 1.0 (x.jar)}
 * @param gone whether it went away (the Lua bundle stopped, the loaded bundle was uninstalled)
 */
record LuaOrigin(String describe, BooleanSupplier gone) implements PluginOrigin {

    @Override
    public boolean removed() {
        return gone.getAsBoolean();
    }
}
