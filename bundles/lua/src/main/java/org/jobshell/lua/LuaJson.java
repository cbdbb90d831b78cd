package org.jobshell.lua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * JSON to Lua and back, as the reference converts options and conf: an object is a table, an array a
 * table indexed from 1; a table whose keys are all integers is an array (an empty table is an
 * object), integral numbers are integers.
 */
final class LuaJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 100;

    private LuaJson() {
    }

    /**
     * @param node a JSON value, or null
     * @return the Lua value ({@code nil} for null)
     */
    static LuaValue toLua(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return LuaValue.NIL;
        }
        if (node.isTextual()) {
            return LuaValue.valueOf(node.textValue());
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.booleanValue());
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return LuaValue.valueOf(node.intValue());
        }
        if (node.isNumber()) {
            return LuaValue.valueOf(node.doubleValue());
        }
        LuaTable t = new LuaTable();
        if (node.isArray()) {
            int i = 1;
            for (JsonNode e : node) {
                t.rawset(i++, toLua(e));
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                t.rawset(e.getKey(), toLua(e.getValue()));
            }
        }
        return t;
    }

    /**
     * @param value a Lua value
     * @param what what it is, for the message, e.g. {@code shell.options.x}
     * @return its JSON, or null for {@code nil}
     * @throws org.luaj.vm2.LuaError naming {@code what} for a value JSON cannot hold (a function, ...)
     */
    static JsonNode toJson(LuaValue value, String what) {
        return toJson(value, what, 0);
    }

    private static JsonNode toJson(LuaValue value, String what, int depth) {
        switch (value.type()) {
            case LuaValue.TNIL:
                return null;
            case LuaValue.TBOOLEAN:
                return JSON.booleanNode(value.toboolean());
            case LuaValue.TSTRING:
                return JSON.textNode(value.tojstring());
            case LuaValue.TNUMBER:
                double d = value.todouble();
                if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p53) {
                    return JSON.numberNode((long) d);
                }
                return JSON.numberNode(d);
            case LuaValue.TTABLE:
                if (depth >= MAX_DEPTH) {
                    throw Lua.error(what + ": tables nested more than " + MAX_DEPTH + " deep (a cycle?)");
                }
                return table((LuaTable) value, what, depth + 1);
            default:
                throw Lua.error(what + ": a " + value.typename() + " cannot be converted to JSON");
        }
    }

    private static JsonNode table(LuaTable t, String what, int depth) {
        int n = t.length();
        if (n > 0 && countKeys(t) == n) {
            ArrayNode a = JSON.arrayNode();
            for (int i = 1; i <= n; i++) {
                JsonNode e = toJson(t.rawget(i), what + "[" + i + "]", depth);
                a.add(e == null ? JSON.nullNode() : e);
            }
            return a;
        }
        ObjectNode o = JSON.objectNode();
        for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
            String key = e.arg1().tojstring();
            JsonNode v = toJson(e.arg(2), what + "." + key, depth);
            if (v != null) {
                o.set(key, v);
            }
        }
        return o;
    }

    private static int countKeys(LuaTable t) {
        int count = 0;
        for (Varargs e = t.next(LuaValue.NIL); !e.arg1().isnil(); e = t.next(e.arg1())) {
            if (!e.arg1().isinttype()) {
                return -1;
            }
            count++;
        }
        return count;
    }
}
