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
import org.jobshell.core.launch.ProcessObserver;
import org.jobshell.core.launch.Signals;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Fatal;

/**
 * One task of a shell. It is the launcher's observer: output goes to the subscribed listeners on the
 * I/O thread, and once both streams reached end of file and the process exited, the shell is told
 * (so that {@code task.exit} always comes after the task's last output).
 */
final class TaskRecord implements Task, ProcessObserver {

    /** What the shell needs to hear from a task. */
    interface Owner {
        /** @param task a task whose output ended and whose process exited (any thread) */
        void taskCompleted(TaskRecord task);

        /**
         * @param task the task
         * @param message an output listener failed and was removed
         */
        void listenerFailed(TaskRecord task, String message);
    }

    private static final int MAX_SIGNAL = 64;

    private final int rank;
    private final int localId;
    private final LaunchSpec launch;
    private final Owner owner;
    private final OutputListener[] listeners = new OutputListener[2];
    private final AtomicInteger outstanding = new AtomicInteger(3); // stdout eof, stderr eof, exit
    private volatile TaskState state = TaskState.INIT;
    private volatile long pid = -1;
    private volatile int exitCode = -1;
    private volatile int waitStatus = -1;
    private volatile int signal;

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
        return pid;
    }

    @Override
    public int exitCode() {
        return exitCode;
    }

    @Override
    public int waitStatus() {
        return waitStatus;
    }

    @Override
    public int signal() {
        return signal;
    }

    @Override
    public Launch launch() {
        return launch;
    }

    LaunchSpec launchSpec() {
        return launch;
    }

    @Override
    public synchronized void subscribe(TaskStream stream, OutputListener listener) {
        if (state != TaskState.INIT && state != TaskState.EXEC) {
            throw new IllegalStateException("task " + rank + " has started: subscribe in task.init");
        }
        if (listeners[stream.ordinal()] != null) {
            throw new IllegalStateException("task " + rank + ": " + stream.label() + " already has a listener");
        }
        listeners[stream.ordinal()] = listener;
    }

    @Override
    public boolean kill(int sig) {
        if (state != TaskState.RUNNING || pid < 0) {
            return false;
        }
        Signals.send(List.of(pid), sig);
        return true;
    }

    /** The spawn returned; the process may already have exited (then it stays EXITED). */
    synchronized void started(long processId) {
        pid = processId;
        if (state == TaskState.EXEC) {
            state = TaskState.RUNNING;
        }
    }

    void failed() {
        state = TaskState.FAILED;
    }

    @Override
    public void data(TaskStream stream, ByteBuffer data) {
        OutputListener l = listener(stream);
        if (l == null) {
            return;
        }
        try {
            l.data(this, stream, data);
        } catch (Fatal f) {
            // the job is failing; the shell already knows
        } catch (Throwable t) {
            drop(stream, t);
        }
    }

    @Override
    public void eof(TaskStream stream) {
        OutputListener l = listener(stream);
        if (l != null) {
            try {
                l.eof(this, stream);
            } catch (Fatal f) {
                // the job is failing; the shell already knows
            } catch (Throwable t) {
                drop(stream, t);
            }
        }
        countDown();
    }

    @Override
    public void exited(int exitValue) {
        exitCode = exitValue;
        // The JDK reports a signalled process as 128 + signal, like a shell's $?.
        if (exitValue > 128 && exitValue <= 128 + MAX_SIGNAL) {
            signal = exitValue - 128;
            waitStatus = signal;
        } else {
            waitStatus = (exitValue & 0xff) << 8;
        }
        synchronized (this) {
            state = TaskState.EXITED;
        }
        countDown();
    }

    private synchronized OutputListener listener(TaskStream stream) {
        return listeners[stream.ordinal()];
    }

    private void drop(TaskStream stream, Throwable t) {
        synchronized (this) {
            listeners[stream.ordinal()] = null;
        }
        owner.listenerFailed(this, stream.label() + " listener failed: " + Dispatcher.messageOf(t));
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
        if (pid >= 0) {
            o.put("pid", pid);
        }
        if (state == TaskState.EXITED) {
            o.put("wait_status", waitStatus);
            o.put("signaled", signal);
            o.put("exitcode", exitCode);
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
