package org.jobshell.core.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reports plugin callbacks that run too long. It samples every watched dispatcher: when the same
 * callback is still running after the warn limit, the target is told once; after the fail limit,
 * once more, and the target fails the job naming the plugin.
 */
public final class Watchdog implements AutoCloseable {

    /** A shell under watch. */
    public interface Target {
        /** @return the dispatcher to sample */
        Dispatcher dispatcher();

        /**
         * A callback passed the warn limit.
         *
         * @param plugin the plugin
         * @param topic the topic
         * @param elapsedMillis how long it has run
         */
        void slow(AttachedPlugin plugin, String topic, long elapsedMillis);

        /**
         * A callback passed the fail limit.
         *
         * @param plugin the plugin
         * @param topic the topic
         * @param elapsedMillis how long it has run
         */
        void stuck(AttachedPlugin plugin, String topic, long elapsedMillis);
    }

    private static final class State {
        long sequence = -1;
        long since;
        boolean warned;
        boolean failed;
    }

    private final ScheduledExecutorService timer;
    private final Map<Target, State> targets = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> ticks;
    private volatile long warnMillis;
    private volatile long failMillis;

    /**
     * @param periodMillis how often to sample
     * @param warnMillis warn when a callback runs longer (0 disables)
     * @param failMillis fail the job when a callback runs longer (0 disables)
     */
    public Watchdog(long periodMillis, long warnMillis, long failMillis) {
        limits(warnMillis, failMillis);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobshell-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.ticks = timer.scheduleAtFixedRate(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Changes the limits, for callbacks still running too.
     *
     * @param warn warn when a callback runs longer (0 disables)
     * @param fail fail the job when a callback runs longer (0 disables)
     */
    public void limits(long warn, long fail) {
        this.warnMillis = warn;
        this.failMillis = fail;
    }

    /** @param target a shell to watch until {@link #unwatch} */
    public void watch(Target target) {
        targets.put(target, new State());
    }

    /** @param target a shell no longer to watch */
    public void unwatch(Target target) {
        targets.remove(target);
    }

    void tick() {
        long now = System.nanoTime();
        targets.forEach((target, state) -> check(target, state, now));
    }

    private void check(Target target, State state, long now) {
        Dispatcher d = target.dispatcher();
        long sequence = d.sequence();
        AttachedPlugin plugin = d.currentPlugin();
        if (plugin == null || sequence != state.sequence) {
            state.sequence = sequence;
            state.since = now;
            state.warned = false;
            state.failed = false;
            return;
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(now - state.since);
        if (warnMillis > 0 && elapsed >= warnMillis && !state.warned) {
            state.warned = true;
            target.slow(plugin, d.currentTopic(), elapsed);
        }
        if (failMillis > 0 && elapsed >= failMillis && !state.failed) {
            state.failed = true;
            target.stuck(plugin, d.currentTopic(), elapsed);
        }
    }

    @Override
    public void close() {
        ticks.cancel(false);
        timer.shutdownNow();
    }
}
