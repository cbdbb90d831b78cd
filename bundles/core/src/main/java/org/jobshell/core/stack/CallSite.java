package org.jobshell.core.stack;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What one thread is calling into plugin code right now, for the {@link Watchdog}: the plugin, what
 * it is doing (a topic, {@code stdout listener}, ...) and a sequence number that changes whenever a
 * call starts or ends. The thread itself publishes with cheap (opaque) stores; only the end of a
 * call pairs a volatile store with the watchdog's volatile load, so that a call the watchdog
 * interrupted always learns of it and clears the interrupt before the next call.
 */
final class CallSite {

    private static final VarHandle PLUGIN;
    private static final VarHandle WHAT;
    private static final VarHandle SEQUENCE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PLUGIN = l.findVarHandle(CallSite.class, "plugin", AttachedPlugin.class);
            WHAT = l.findVarHandle(CallSite.class, "what", String.class);
            SEQUENCE = l.findVarHandle(CallSite.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread whose calls this site records. */
    final Thread thread;
    @SuppressWarnings("unused") // accessed through PLUGIN
    private AttachedPlugin plugin;
    @SuppressWarnings("unused") // accessed through WHAT
    private String what;
    @SuppressWarnings("unused") // accessed through SEQUENCE
    private long sequence;
    /** Written by the watchdog only: the sequence of a call it found overrunning. */
    private volatile long overrun;
    /** Written by the watchdog only: done with (interrupting) the call of that sequence. */
    private volatile long interrupted;
    /** Written by the thread only: the last overrun it has taken note of. */
    private long consumed;

    // the watchdog's own sampling state, touched by the watchdog thread only
    long seen = -1;
    long since;
    boolean warned;
    boolean failed;
    boolean abandoned;

    CallSite(Thread thread) {
        this.thread = thread;
    }

    /** @return the plugin being called now, or null */
    AttachedPlugin plugin() {
        return (AttachedPlugin) PLUGIN.getOpaque(this);
    }

    /** @return what the plugin is being called for */
    String what() {
        return (String) WHAT.getOpaque(this);
    }

    long sequence() {
        return (long) SEQUENCE.getVolatile(this);
    }

    /**
     * A call into {@code callee} starts on this site's thread.
     *
     * @return the call's token, for {@link #exit}
     */
    long enter(AttachedPlugin callee, String calledFor) {
        WHAT.setOpaque(this, calledFor);
        PLUGIN.setOpaque(this, callee);
        long token = (long) SEQUENCE.getOpaque(this) + 1;
        SEQUENCE.setOpaque(this, token);
        return token;
    }

    /**
     * The call of {@code token} ended; the caller's own call (if any) is current again.
     *
     * @param token what {@link #enter} returned
     * @param outerPlugin the plugin current before the call, or null
     * @param outerWhat what it was called for
     * @return whether the watchdog found this call overrunning (the thread's interrupt, if it was
     *     set by the watchdog, is cleared)
     */
    boolean exit(long token, AttachedPlugin outerPlugin, String outerWhat) {
        WHAT.setOpaque(this, outerWhat);
        PLUGIN.setOpaque(this, outerPlugin);
        SEQUENCE.setVolatile(this, (long) SEQUENCE.getOpaque(this) + 1);
        long flagged = overrun;
        if (flagged <= consumed || flagged < token) {
            return false;
        }
        consumed = flagged;
        while (interrupted < flagged) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
        return true;
    }

    /** Watchdog: the call of {@code seq} overran; interrupts the thread if it is still in that call. */
    void interrupt(long seq) {
        overrun = seq;
        if (sequence() == seq) {
            thread.interrupt();
        }
        interrupted = seq;
    }
}
