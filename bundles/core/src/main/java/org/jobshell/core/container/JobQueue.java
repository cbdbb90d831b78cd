package org.jobshell.core.container;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.jobshell.api.Args;

/**
 * One job's asynchronous container topics: posted from the job's path (the submitter's thread, the
 * job's shells, the poll timer) without waiting, run one after the other in posting order on the
 * container's small executor, so that a slow handler delays only the job's later notifications.
 */
public final class JobQueue {

    /** Dispatches one topic call. */
    @FunctionalInterface
    interface Call {
        void dispatch(String topic, Args args);
    }

    private final String jobId;
    private final Executor executor;
    private final Call call;
    private final ContainerOwner owner;
    private final BooleanSupplier stopped;
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private boolean running;

    JobQueue(String jobId, Executor executor, BooleanSupplier stopped, Call call, ContainerOwner owner) {
        this.jobId = jobId;
        this.stopped = stopped;
        this.executor = executor;
        this.call = call;
        this.owner = owner;
    }

    /**
     * Queues a topic call; returns at once.
     *
     * @param topic the topic
     * @param args its args (owned by the call from now on)
     */
    public void post(String topic, Args args) {
        boolean start;
        synchronized (this) {
            pending.add(() -> call.dispatch(topic, args));
            start = !running;
            running = true;
        }
        if (start) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                int dropped;
                synchronized (this) {
                    dropped = pending.size();
                    pending.clear();
                    running = false;
                }
                if (!stopped.getAsBoolean()) { // once the container stops, its shutdown line has said so
                    owner.log("warning: job " + jobId + ": " + dropped + " container topic call(s) dropped (" + topic
                            + "): the container's plugin executor is full");
                }
            }
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = pending.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            next.run();
        }
    }
}
