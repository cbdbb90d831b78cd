package org.jobshell.core.job;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The main loop of one shell: work posted to the shell's thread, and the completion references
 * (spec §1.14) that keep it running. Each started task holds one until its task.exit is done;
 * plugins hold others for asynchronous work. Posted work runs only while the loop runs: from
 * {@code shell.start} (when the loop starts) until it ends. Requests (a kill, a signal the job
 * received) do not wait for it: they also run between two task starts ({@link #runRequests}).
 */
final class ShellLoop {

    /** After a fatal error, how long to wait by default for the killed tasks to be gone. */
    static final long DRAIN_MILLIS = 10_000;

    private static final Runnable WAKE_UP = () -> { };

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Queue<Runnable> requests = new ConcurrentLinkedQueue<>();
    private final long drainMillis;
    private final Map<String, Integer> completions = new HashMap<>();
    private int liveTasks;
    private volatile boolean ended;

    /** @param drainMillis after a fatal error, how long to wait for the killed tasks to be gone */
    ShellLoop(long drainMillis) {
        this.drainMillis = drainMillis;
    }

    /**
     * @param action work to run on the shell's thread, in order
     * @return false when the loop has ended: the action will never run
     */
    boolean execute(Runnable action) {
        if (ended) {
            return false;
        }
        queue.add(action);
        return true;
    }

    /**
     * @param request work for the shell's thread that must not wait for the main loop: it runs at the
     *     next task start or from the loop, before the loop's other work
     * @return false when the loop has ended: the request will never run
     */
    synchronized boolean request(Runnable request) {
        if (ended) {
            return false;
        }
        requests.add(request);
        queue.add(WAKE_UP);
        return true;
    }

    /** Runs the requests waiting, on the shell's thread, between two topic calls. */
    void runRequests() {
        Runnable r;
        while ((r = requests.poll()) != null) {
            r.run();
        }
    }

    /** @param name a completion reference to take (counted by name) */
    synchronized void hold(String name) {
        completions.merge(name, 1, Integer::sum);
    }

    /**
     * @param name a completion reference to release
     * @throws IllegalArgumentException when no such reference is held
     */
    void release(String name) {
        synchronized (this) {
            Integer n = completions.get(name);
            if (n == null) {
                throw new IllegalArgumentException("no completion reference '" + name + "' is held");
            }
            if (n == 1) {
                completions.remove(name);
            } else {
                completions.put(name, n - 1);
            }
        }
        queue.add(WAKE_UP); // the loop checks again
    }

    /** A task started: the loop does not end before it is gone. */
    synchronized void taskStarted() {
        liveTasks++;
    }

    /** A started task is gone. */
    synchronized void taskGone() {
        liveTasks--;
    }

    /**
     * Runs posted work until every completion reference is released, or, once {@code failing} says
     * the job failed, only until the killed tasks are gone (at most the drain time).
     *
     * @param failing whether the job has failed
     * @param abandoned whether to stop at once
     * @param errors told about work that threw
     */
    void run(BooleanSupplier failing, BooleanSupplier abandoned, Consumer<Throwable> errors) {
        long drainDeadline = 0;
        while (!abandoned.getAsBoolean()) {
            synchronized (this) {
                if (failing.getAsBoolean()) {
                    if (liveTasks == 0) {
                        break;
                    }
                    if (drainDeadline == 0) {
                        drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainMillis);
                    } else if (System.nanoTime() > drainDeadline) {
                        break;
                    }
                } else if (completions.isEmpty()) {
                    break;
                }
            }
            Runnable r;
            try {
                r = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            guarded(this::runRequests, errors);
            if (r != null) {
                guarded(r, errors);
            }
        }
        synchronized (this) {
            ended = true;
        }
        guarded(this::runRequests, errors); // those that came while the loop was ending
    }

    private static void guarded(Runnable work, Consumer<Throwable> errors) {
        try {
            work.run();
        } catch (Throwable t) {
            errors.accept(t);
        }
    }

    /** @return whether the loop has ended (services are no longer served) */
    boolean ended() {
        return ended;
    }
}
