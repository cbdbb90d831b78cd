package org.jobshell.lua;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.jobshell.api.Task;
import org.jobshell.api.TaskState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * The {@code task} table (spec §4.6), valid while a task is current ({@code task.*} topics):
 * {@code task.info} and the task's own environment, the one its launch will get.
 */
final class TaskApi {

    private TaskApi() {
    }

    /**
     * @param runner the shell's Lua state
     * @return the table
     */
    static LuaTable table(RcRunner runner) {
        EnvFunctions env = new EnvFunctions("task", () -> current(runner).launch().environment());
        return Lua.proxy(k -> {
            Task task = current(runner);
            String key = k.tojstring();
            if (key.equals("info")) {
                return LuaJson.toLua(info(task));
            }
            LuaValue f = env.get(key);
            return f == null ? LuaValue.NIL : f;
        }, (t, k, v) -> {
            throw Lua.error("attempt to set read-only field task." + k.tojstring());
        });
    }

    private static Task current(RcRunner runner) {
        Task task = runner.shell().currentTask();
        if (task == null) {
            throw Lua.error("attempt to access task outside of task context");
        }
        return task;
    }

    private static ObjectNode info(Task task) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("localid", task.localId());
        o.put("rank", task.rank());
        String state = task.state().name().toLowerCase(Locale.ROOT);
        o.put("state", Character.toUpperCase(state.charAt(0)) + state.substring(1));
        if (task.pid() > 0) {
            o.put("pid", task.pid());
        }
        if (task.state() == TaskState.EXITED) {
            o.put("wait_status", task.waitStatus());
            o.put("exitcode", task.exitCode());
            o.put("signaled", task.signal());
        }
        return o;
    }
}
