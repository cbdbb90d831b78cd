package org.jobshell.daemon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber's queue of event lines, bounded. A subscriber is dropped when events wait for it
 * and it made no progress for a grace period while its queue held {@code capacity} or more (it
 * stopped reading), or when {@code hardCapacity} wait (it reads, but far slower than events come):
 * what waited is discarded and the drop notice is its last line. One that reads, even slowly for a
 * while under load, rides out a burst.
 */
final class Subscriber {

    private final int capacity;
    private final int hardCapacity;
    private final long graceNanos;
    private final String notice;
    private final Deque<String> queue = new ArrayDeque<>();
    private long progress = System.nanoTime();
    private boolean dropped;
    private Runnable onDrop = () -> { };

    /**
     * @param capacity from how many waiting events no progress for the grace period drops it
     * @param hardCapacity how many waiting events drop it at once
     * @param graceMillis how long it may take no event while {@code capacity} wait
     * @param notice its last line when dropped
     */
    Subscriber(int capacity, int hardCapacity, long graceMillis, String notice) {
        this.capacity = capacity;
        this.hardCapacity = hardCapacity;
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        this.notice = notice;
    }

    /** @param action run once, by whoever drops this subscriber */
    synchronized void onDrop(Runnable action) {
        this.onDrop = action;
    }

    /** @return false when this subscriber is dropped (now or before) */
    synchronized boolean offer(String line) {
        if (dropped) {
            return false;
        }
        if (queue.size() >= hardCapacity || stalled()) {
            drop();
            return false;
        }
        if (queue.isEmpty()) {
            progress = System.nanoTime(); // its wait starts now
        }
        queue.addLast(line);
        notifyAll();
        return true;
    }

    /** Drops it when it stalled (checked now and then: a stalled one may be sent nothing more). */
    synchronized void dropIfStalled() {
        if (!dropped && stalled()) {
            drop();
        }
    }

    private boolean stalled() {
        return queue.size() >= capacity && System.nanoTime() - progress >= graceNanos;
    }

    private void drop() {
        dropped = true;
        queue.clear();
        queue.addLast(notice);
        notifyAll();
        onDrop.run();
    }

    /**
     * @param millis how long to wait
     * @return the next line, or null when none came in time
     */
    synchronized String poll(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        progress = System.nanoTime();
        return queue.removeFirst();
    }

    /** @return whether it was dropped and its notice is all that is left to send (or sent) */
    synchronized boolean finished() {
        return dropped && queue.isEmpty();
    }
}
