package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jobshell.api.Args;
import org.jobshell.api.ShellException;
import org.jobshell.api.Topics;
import org.jobshell.core.container.ContainerStack;
import org.jobshell.core.container.JobQueue;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Where a job meets the container's stack: {@code job.submitting} before it starts (a refusal is the
 * submitter's error), {@code job.killing} before a kill reaches it, and the asynchronous notifications
 * of its life ({@code job.submitted}, {@code job.started}, {@code job.polling} every
 * {@code job.poll-interval} seconds, then one of {@code job.killed}, {@code job.failed},
 * {@code job.succeeded}), which never wait for a plugin.
 */
final class ContainerHooks {

    private final BundleContext context;
    private final ContainerStack stack;
    private final ScheduledExecutorService timer;
    private final SynchronousBundleListener stopping;
    private volatile long pollSeconds = 10;
    private volatile long drainMillis = 1_000;

    /**
     * Attaches the container's plugins ({@code container.init}) and calls {@code container.shutdown} as
     * soon as the framework starts stopping, while the plugin bundles are still there.
     *
     * @param context the core's bundle context
     * @param stack the container's stack
     * @param timer runs the polls
     */
    ContainerHooks(BundleContext context, ContainerStack stack, ScheduledExecutorService timer) {
        this.context = context;
        this.stack = stack;
        this.timer = timer;
        this.stopping = e -> {
            if (e.getBundle().getBundleId() == 0 && e.getType() == BundleEvent.STOPPING) {
                stack.shutdown(drainMillis);
            }
        };
        context.addBundleListener(stopping);
        stack.init();
    }

    /**
     * @param seconds the poll interval of jobs started from now on
     * @param drain how long the container's stop waits for queued calls (ms)
     */
    void settings(long seconds, long drain) {
        pollSeconds = seconds;
        drainMillis = drain;
    }

    /** The core stops: {@code container.shutdown}, unless the framework's stop already did it. */
    void close() {
        context.removeBundleListener(stopping);
        stack.shutdown(drainMillis);
    }

    /**
     * Calls {@code job.submitting}.
     *
     * @param in the job's IN object
     * @throws ShellException {@code job refused by plugin 'NAME': REASON}
     */
    void submitting(ObjectNode in) {
        String refusal = stack.refusal(Topics.JOB_SUBMITTING, new Args(in.deepCopy()));
        if (refusal != null) {
            throw new ShellException(refusal);
        }
    }

    /**
     * Follows a job that was accepted, right before its shells start: guards its kills, queues its
     * notifications (its end is posted before its exit code is known, however fast it is).
     *
     * @param job the job
     * @param in its IN object
     */
    void follow(JobRun job, ObjectNode in) {
        JobQueue queue = stack.queue(job.id());
        queue.post(Topics.JOB_SUBMITTED, new Args(in.deepCopy()));
        queue.post(Topics.JOB_STARTED, new Args(in.deepCopy()));
        job.guardKills(signal -> {
            ObjectNode kill = in.deepCopy();
            kill.put("signal", signal);
            String refusal = stack.refusal(Topics.JOB_KILLING, new Args(kill));
            if (refusal != null) {
                throw new ShellException(refusal);
            }
        });
        long every = pollSeconds;
        ScheduledFuture<?> polls = every > 0 && stack.handles(Topics.JOB_POLLING)
                ? timer.scheduleAtFixedRate(poll(job, in, queue), every, every, TimeUnit.SECONDS) : null;
        // posted before the exit code is known to anyone, so that a container stopping right after
        // the job (the one-shot run) still has it queued
        job.onFinishing(exit -> {
            if (polls != null) {
                polls.cancel(false);
            }
            ObjectNode end = in.deepCopy();
            end.put("exitcode", exit);
            end.put("runtime", (System.currentTimeMillis() - job.started().toEpochMilli()) / 1000.0);
            queue.post(exit == 0 ? Topics.JOB_SUCCEEDED : job.killed() ? Topics.JOB_KILLED : Topics.JOB_FAILED,
                    new Args(end));
        });
    }

    private static Runnable poll(JobRun job, ObjectNode in, JobQueue queue) {
        AtomicInteger count = new AtomicInteger();
        return () -> {
            if (job.exitCode().toCompletableFuture().isDone()) {
                return;
            }
            ObjectNode p = in.deepCopy();
            p.put("count", count.incrementAndGet());
            job.pids().forEach(p.putArray("pids")::add);
            queue.post(Topics.JOB_POLLING, new Args(p));
        };
    }
}
