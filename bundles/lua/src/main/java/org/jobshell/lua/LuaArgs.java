package org.jobshell.lua;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobshell.api.Args;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A topic call's args as a Lua handler's second parameter: {@code args.in} is the IN object as a
 * table (a copy, made when first read), and {@code args.out} reads and writes the OUT object key by
 * key ({@code args.out.result = "x"}; {@code nil} removes the key). This is how a Lua plugin answers
 * a custom topic, a task map scheme or a mustache tag, which the reference's Lua plugins cannot.
 */
final class LuaArgs extends LuaTable {

    private final Args args;
    private LuaValue in;
    private LuaTable out;

    LuaArgs(Args args) {
        this.args = args;
    }

    @Override
    public LuaValue get(LuaValue key) {
        switch (key.tojstring()) {
            case "in":
                if (in == null) {
                    in = LuaJson.toLua(args.in());
                }
                return in;
            case "out":
                if (out == null) {
                    out = Lua.proxy(k -> LuaJson.toLua(args.out().get(k.tojstring())), (t, k, v) -> {
                        JsonNode json = LuaJson.toJson(v, "args.out." + k.tojstring());
                        if (json == null) {
                            args.out().remove(k.tojstring());
                        } else {
                            args.out().set(k.tojstring(), json);
                        }
                    });
                }
                return out;
            default:
                return NIL;
        }
    }

    @Override
    public void set(LuaValue key, LuaValue value) {
        throw Lua.error("args." + key.tojstring() + ": args are read-only: set a key of args.out instead");
    }
}
