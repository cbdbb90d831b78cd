package org.jobshell.core.stack;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds plugin callbacks, like Felix EventAdmin's handler timeout. It samples the {@link CallSite}
 * of every thread that calls plugin code (shell threads, the I/O thread):
 *
 * <ol>
 *   <li>past the warn limit, the plugin's owner is told once that the callback is slow;</li>
 *   <li>past the fail limit, the plugin is deny-listed for the rest of the job and the thread is
 *       interrupted; when the callback returns, it counts as failed ("did not return within"), and the
 *       job goes on as the topic's error rule says;</li>
 *   <li>a callback that ignores the interrupt and is still running after the abandon grace is
 *       reported as abandoned: the job fails, and the thread is left to the plugin.</li>
 * </ol>
 *
 * <p>The limits are settings of the core ({@code watchdog.warn.ms}, {@code watchdog.fail.ms});
 * 0 disables one.
 */
public final class Watchdog implements AutoCloseable {

    /** How long an interrupted callback may take to return before its thread is given up. */
    public static final long ABANDON_GRACE_MILLIS = 5_000;

    private final ScheduledExecutorService timer;
    private final Set<CallSite> sites = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<CallSite> local = ThreadLocal.withInitial(this::newSite);
    private final ScheduledFuture<?> ticks;
    private final long abandonGraceMillis;
    private volatile long warnMillis;
    private volatile long failMillis;

    /**
     * @param periodMillis how often to sample
     * @param warnMillis warn when a callback runs longer (0 disables)
     * @param failMillis deny-list and interrupt a callback that runs longer (0 disables)
     */
    public Watchdog(long periodMillis, long warnMillis, long failMillis) {
        this(periodMillis, warnMillis, failMillis, ABANDON_GRACE_MILLIS);
    }

    /**
     * @param periodMillis how often to sample
     * @param warnMillis warn when a callback runs longer (0 disables)
     * @param failMillis deny-list and interrupt a callback that runs longer (0 disables)
     * @param abandonGraceMillis how long past the fail limit an interrupted callback may run before its
     *     thread is given up
     */
    public Watchdog(long periodMillis, long warnMillis, long failMillis, long abandonGraceMillis) {
        limits(warnMillis, failMillis);
        this.abandonGraceMillis = abandonGraceMillis;
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
     * @param fail deny-list and interrupt a callback that runs longer (0 disables)
     */
    public void limits(long warn, long fail) {
        this.warnMillis = warn;
        this.failMillis = fail;
    }

    /** @return the fail limit in ms */
    long failMillis() {
        return failMillis;
    }

    /** @return the calling thread's call site, watched from its first use */
    CallSite site() {
        return local.get();
    }

    private CallSite newSite() {
        CallSite site = new CallSite(Thread.currentThread());
        sites.add(site);
        return site;
    }

    void tick() {
        long now = System.nanoTime();
        for (CallSite site : sites) {
            if (!site.thread.isAlive()) {
                sites.remove(site);
            } else {
                check(site, now);
            }
        }
    }

    private void check(CallSite site, long now) {
        long sequence = site.sequence();
        AttachedPlugin plugin = site.plugin();
        if (plugin == null || sequence != site.seen) {
            site.seen = sequence;
            site.since = now;
            site.warned = false;
            site.failed = false;
            site.abandoned = false;
            return;
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(now - site.since);
        long warn = warnMillis;
        long fail = failMillis;
        if (warn > 0 && elapsed >= warn && !site.warned) {
            site.warned = true;
            plugin.owner().slow(plugin, site.what(), elapsed);
        }
        if (fail > 0 && elapsed >= fail && !site.failed) {
            site.failed = true;
            plugin.deny();
            site.interrupt(sequence);
        }
        if (site.failed && !site.abandoned && elapsed >= fail + abandonGraceMillis) {
            site.abandoned = true;
            plugin.owner().abandoned(plugin, site.what(), elapsed, site.thread);
        }
    }

    @Override
    public void close() {
        ticks.cancel(false);
        timer.shutdownNow();
    }
}
