package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobshell.api.Launch;
import org.jobshell.api.OutputListener;
import org.jobshell.api.Task;
import org.jobshell.api.TaskState;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.ProcessObserver;
import org.jobshell.core.spi.Spawned;
import org.jobshell.core.stack.AttachedPlugin;
import org.jobshell.core.stack.PluginCalls;

/**
 * One task of a shell. It is the launcher's observer: output goes to the subscribed listeners on the
 * I/O thread, each call guarded like a topic handler (a listener that fails or overruns is dropped,
 * its plugin named), and once both streams reached end of file and the process exited, the shell is
 * told (so that {@code task.exit} always comes after the task's last output).
 */
final class TaskRecord implements Task, ProcessObserver {

    /** What a task needs from its shell. */
    interface Owner {
        /** @param task a task whose output ended and whose process exited (any thread) */
        void taskCompleted(TaskRecord task);

        /**
         * @param processes started tasks
         * @param signal a signal for them and what they started
         */
        void signal(List<Spawned> processes, int signal);

        /** @return how plugin code (the listeners) is called */
        PluginCalls calls();

        /** @param task a task whose process exited, its output perhaps still open (any thread) */
        default void processExited(TaskRecord task) {
        }
    }

    /** A listener and the plugin that subscribed it. */
    private record Listener(AttachedPlugin plugin, OutputListener listener) {
    }

    private final int rank;
    private final int localId;
    private final LaunchSpec launch;
    private final Owner owner;
    private final Listener[] listeners = new Listener[2];
    private final AtomicInteger outstanding = new AtomicInteger(3); // stdout eof, stderr eof, exit
    private volatile TaskState state = TaskState.INIT;
    private volatile Spawned spawned;
    private volatile ExitStatus status;

    TaskRecord(int rank, int localId, LaunchSpec launch, Owner owner) {
        this.rank = rank;
        this.localId = localId;
        this.launch = launch;
        this.owner = owner;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int localId() {
        return localId;
    }

    @Override
    public TaskState state() {
        return state;
    }

    void state(TaskState s) {
        state = s;
    }

    @Override
    public long pid() {
        Spawned s = spawned;
        return s == null ? -1 : s.pid();
    }

    @Override
    public int exitCode() {
        ExitStatus s = status;
        return s == null ? -1 : s.exitCode();
    }

    @Override
    public int waitStatus() {
        ExitStatus s = status;
        return s == null ? -1 : s.waitStatus();
    }

    @Override
    public int signal() {
        ExitStatus s = status;
        return s == null ? 0 : s.signal();
    }

    @Override
    public Launch launch() {
        return launch;
    }

    LaunchSpec launchSpec() {
        return launch;
    }

    /** @return the started process while the task runs, else null */
    Spawned running() {
        return state == TaskState.RUNNING ? spawned : null;
    }

    @Override
    public synchronized void subscribe(TaskStream stream, OutputListener listener) {
        if (state != TaskState.INIT && state != TaskState.EXEC) {
            throw new IllegalStateException("task " + rank + " has started: subscribe in task.init");
        }
        AttachedPlugin plugin = owner.calls().current();
        if (plugin == null) {
            throw new IllegalStateException("task " + rank + ": subscribe from a plugin callback on the shell's thread");
        }
        if (listeners[stream.ordinal()] != null) {
            throw new IllegalStateException("task " + rank + ": " + stream.label() + " already has a listener");
        }
        listeners[stream.ordinal()] = new Listener(plugin, listener);
    }

    @Override
    public boolean kill(int sig) {
        Spawned s = running();
        if (s == null) {
            return false;
        }
        owner.signal(List.of(s), sig);
        return true;
    }

    /** The spawn returned; the process may already have exited (then it stays EXITED). */
    synchronized void started(Spawned process) {
        spawned = process;
        if (state == TaskState.EXEC) {
            state = TaskState.RUNNING;
        }
    }

    void failed() {
        state = TaskState.FAILED;
    }

    @Override
    public void data(TaskStream stream, ByteBuffer data) {
        Listener l = listener(stream);
        if (l != null && !owner.calls().run(l.plugin(), stream.label() + " listener",
                () -> l.listener().data(this, stream, data))) {
            drop(stream);
        }
    }

    @Override
    public void eof(TaskStream stream) {
        Listener l = listener(stream);
        if (l != null) {
            owner.calls().run(l.plugin(), stream.label() + " listener", () -> l.listener().eof(this, stream));
        }
        countDown();
    }

    @Override
    public void exited(ExitStatus exit) {
        status = exit;
        synchronized (this) {
            state = TaskState.EXITED;
        }
        owner.processExited(this);
        countDown();
    }

    /** @return whether the process exited but something it started still holds its output open */
    boolean outputOpen() {
        return status != null && outstanding.get() > 0;
    }

    /** @return how the process ended, or null while it runs */
    ExitStatus status() {
        return status;
    }

    private synchronized Listener listener(TaskStream stream) {
        return listeners[stream.ordinal()];
    }

    private synchronized void drop(TaskStream stream) {
        listeners[stream.ordinal()] = null;
    }

    private void countDown() {
        if (outstanding.decrementAndGet() == 0) {
            owner.taskCompleted(this);
        }
    }

    /** @return the reference's task info object: {@code {localid, rank, state, pid, wait_status, ...}} */
    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("localid", localId);
        o.put("rank", rank);
        o.put("state", stateName());
        long pid = pid();
        if (pid >= 0) {
            o.put("pid", pid);
        }
        ExitStatus s = status;
        if (state == TaskState.EXITED && s != null) {
            o.put("wait_status", s.waitStatus());
            o.put("signaled", s.signal());
            o.put("exitcode", s.exitCode());
            if (s.signal() != 0) {
                o.put("signal", ExitStatus.signalName(s.signal()));
                o.put("core_dumped", s.coreDumped());
            }
        }
        return o;
    }

    private String stateName() {
        String n = state.name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "task " + rank;
    }
}
