package org.jobshell.plugin.pmisimple;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jobshell.api.Args;
import org.jobshell.api.Environment;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Shell;
import org.jobshell.api.Task;
import org.jobshell.api.TaskMap;

/**
 * pmi-simple on one shell: the server made at {@code shell.init}, each task's connection made at its
 * {@code task.init} ({@code PMI_FD}: a socket pair, the shell's end served, the task's closed once the
 * task started; or {@code PMI_PORT} when the launcher cannot pass a socket), all closed at
 * {@code shell.exit}.
 */
final class ShellPmi {

    private WireLoop loop;
    private SocketPairs pairs;
    private ServerSocketChannel port;
    private Channel taskEnd;

    void init(Shell shell, String topic, Args args) throws IOException {
        if (!PmiOption.enabled(shell.options().get(PmiOption.NAME))) {
            return;
        }
        loop = new WireLoop("pmi-simple " + shell.info().jobIdString() + "." + shell.info().rank(),
                message -> fail(shell, message), new WireLoop.Trace() {
                    @Override
                    public boolean enabled() {
                        return shell.log().enabled(LogLevel.TRACE);
                    }

                    @Override
                    public void line(String message) {
                        shell.log().trace(message);
                    }
                });
        KvsExchange exchange = new KvsExchange(shell, loop, message -> fail(shell, message));
        TaskMap map = shell.info().taskmap();
        loop.start(new Protocol(new Protocol.Setup(shell.info().jobIdString(), shell.info().totalTasks(),
                map.taskIds(shell.info().rank()), preset(shell, map)), new Protocol.Job() {
                    @Override
                    public void barrier(Map<String, String> puts,
                            Consumer<Map<String, String>> release) {
                        exchange.barrier(puts, release);
                    }

                    @Override
                    public void abort(int exitCode, String message) {
                        shell.execute(() -> {
                            throw shell.die(Math.max(1, exitCode), message);
                        });
                    }
                }));
    }

    private static Map<String, String> preset(Shell shell, TaskMap map) {
        Map<String, String> preset = new HashMap<>();
        String vector = ProcessMapping.of(map);
        if (shell.options().get(PmiOption.NOMAP.name()) == null && vector.length() <= Protocol.VALUE_MAX) {
            preset.put("PMI_process_mapping", vector);
        }
        preset.put("flux.taskmap", map.encode());
        return preset;
    }

    void taskInit(Shell shell, String topic, Args args) throws IOException {
        if (loop == null) {
            return;
        }
        closeTaskEnd();
        Task task = shell.currentTask();
        Environment env = task.launch().environment();
        env.set("PMI_RANK", Integer.toString(task.rank()));
        env.set("PMI_SIZE", Integer.toString(shell.info().totalTasks()));
        if (port == null && inherited(shell, task, env)) {
            return;
        }
        env.set("PMI_PORT", "127.0.0.1:" + ((InetSocketAddress) port.getLocalAddress()).getPort());
        env.set("PMI_ID", Integer.toString(task.rank()));
    }

    /** @return whether the task inherits its end of a socket pair; else {@link #port} is open */
    private boolean inherited(Shell shell, Task task, Environment env) throws IOException {
        if (pairs == null) {
            pairs = new SocketPairs();
        }
        SocketPairs.Pair pair = pairs.pair();
        if (task.localId() == shell.tasks().size() - 1) {
            pairs.close(); // no stray connection can take a later task's place
        }
        try {
            env.set("PMI_FD", Integer.toString(task.launch().inherit(pair.task())));
        } catch (IllegalArgumentException refused) {
            pair.shell().close();
            pair.task().close();
            if (task.localId() > 0) {
                throw refused; // the earlier tasks got a socket: the launcher cannot change now
            }
            shell.log().trace("tasks connect through PMI_PORT on loopback: " + refused.getMessage());
            port = ServerSocketChannel.open();
            port.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            loop.listen(port, new TaskSockets(shell));
            return false;
        }
        taskEnd = pair.task();
        loop.serve(pair.shell(), task.rank());
        return true;
    }

    void taskFork(Shell shell, String topic, Args args) throws IOException {
        closeTaskEnd(); // the task holds it now: its end of file must come when the task's goes
    }

    private void closeTaskEnd() throws IOException {
        if (taskEnd != null) {
            taskEnd.close();
            taskEnd = null;
        }
    }

    void exit(Shell shell, String topic, Args args) throws IOException {
        closeTaskEnd();
        if (loop != null) {
            loop.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {pairs, port}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    shell.log().debug("closing the PMI server: " + e.getMessage());
                }
            }
        }
    }

    private static void fail(Shell shell, String message) {
        shell.execute(() -> {
            throw shell.die(1, message);
        });
    }
}
