package org.jobshell.lua;

import org.jobshell.api.Args;
import org.luaj.vm2.LuaFunction;

/**
 * Runs what a job's rc files and Lua handlers run, once, outside any job: luaj's compiler and
 * interpreter and the jobshell API are loaded (and a little warmed) while the rest of a one-shot
 * container starts, rather than in its first job. Started only when the installation has an initrc.
 */
final class WarmUp implements Runnable {

    private static final String CHUNK = "local t = {}\n"
            + "for i = 1, 3 do t[#t + 1] = string.format('%d', i) end\n"
            + "shell.options.warm = { up = table.concat(t, ',') }\n"
            + "local home = shell.getenv('HOME')\n"
            + "return function(topic, args) if shell.options.warm.up ~= '1,2,3' then return false end end\n";

    private final LuaSource.Context context;

    WarmUp(LuaSource.Context context) {
        this.context = context;
    }

    @Override
    public void run() {
        try {
            ListingStack stack = new ListingStack();
            RcRunner runner = new RcRunner(stack, context);
            LuaFunction fn = (LuaFunction) runner.globals().load(CHUNK, "@warm-up").call();
            LuaHandler handler = new LuaHandler(runner, fn);
            for (int i = 0; i < 3; i++) {
                handler.handle(stack.shell(), "task.init", new Args());
            }
        } catch (Exception | LinkageError e) {
            // only a head start: a job meets the same problem and reports it
        }
    }
}
