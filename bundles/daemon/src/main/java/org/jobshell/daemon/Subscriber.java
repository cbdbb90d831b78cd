package org.jobshell.daemon;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * One subscriber's queue of event lines, bounded. When an event finds it full, the subscriber is
 * dropped: what waited is discarded and the drop notice is its last line.
 */
final class Subscriber {

    private final int capacity;
    private final String notice;
    private final Deque<String> queue = new ArrayDeque<>();
    private boolean dropped;
    private Runnable onDrop = () -> { };

    Subscriber(int capacity, String notice) {
        this.capacity = capacity;
        this.notice = notice;
    }

    /** @param action run once, by the publisher, when this subscriber is dropped */
    synchronized void onDrop(Runnable action) {
        this.onDrop = action;
    }

    /** @return false when this subscriber is dropped (now or before) */
    synchronized boolean offer(String line) {
        if (dropped) {
            return false;
        }
        if (queue.size() >= capacity) {
            dropped = true;
            queue.clear();
            queue.addLast(notice);
            notifyAll();
            onDrop.run();
            return false;
        }
        queue.addLast(line);
        notifyAll();
        return true;
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
        return queue.removeFirst();
    }

    /** @return whether it was dropped and its notice is all that is left to send (or sent) */
    synchronized boolean finished() {
        return dropped && queue.isEmpty();
    }
}
