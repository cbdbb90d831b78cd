package org.jobshell.lua;

import org.jobshell.api.Args;
import org.jobshell.api.Handler;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * Calls one Lua function for a topic: {@code fn(topic)}, or {@code fn(topic, args)} when the function
 * takes a second parameter ({@code args.in}, {@code args.out}: see {@link LuaArgs}). It succeeds when
 * it raises no error and returns nothing or a true value; returning {@code false} or {@code nil}
 * fails, as does an error (its message, with {@code file:line}, is the failure's).
 */
final class LuaHandler implements Handler {

    private final RcRunner runner;
    private final LuaFunction fn;
    private final boolean takesArgs;
    private final String where;
    private String lastTopic;
    private LuaString lastTopicValue;

    LuaHandler(RcRunner runner, LuaFunction fn) {
        this.runner = runner;
        this.fn = fn;
        if (fn instanceof LuaClosure) {
            LuaClosure c = (LuaClosure) fn;
            this.takesArgs = c.p.numparams >= 2 || c.p.is_vararg != 0;
            String source = c.p.source == null ? "?" : c.p.source.tojstring();
            this.where = (source.startsWith("@") ? source.substring(1) : source) + ":" + c.p.linedefined;
        } else {
            this.takesArgs = true;
            this.where = "a Java function";
        }
    }

    @Override
    public void handle(Shell shell, String topic, Args args) {
        Shell outer = runner.enter(shell);
        Varargs result;
        try {
            LuaString t = topicValue(topic);
            result = takesArgs ? fn.invoke(t, new LuaArgs(args)) : fn.invoke(t);
        } catch (LuaError e) {
            throw runner.dyingOr(new ShellException(LuaErrors.message(e)));
        } finally {
            runner.leave(outer);
        }
        if (result.narg() > 0 && !result.arg1().toboolean()) {
            throw new ShellException("the function of " + where + " returned " + result.arg1().tojstring());
        }
    }

    /** Topics repeat (task.init once per task): keep the last one's Lua string. */
    private LuaString topicValue(String topic) {
        if (!topic.equals(lastTopic)) {
            lastTopicValue = LuaValue.valueOf(topic);
            lastTopic = topic;
        }
        return lastTopicValue;
    }
}
