package org.jobshell.plugin.oom;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * Watches a cgroup's {@code memory.events} (inotify, through the JDK's watch service) on a thread of
 * its own, and reports each rise of its {@code oom_kill} count, until closed.
 */
final class OomWatch implements AutoCloseable {

    /** Told of the processes the OOM killer took since the last report. */
    interface Report {
        /**
         * @param killed how many more processes were killed
         * @param peak the cgroup's peak memory use
         */
        void killed(long killed, String peak);
    }

    private final MemoryEvents events;
    private final WatchService watcher;
    private final Report report;
    private long seen;

    private OomWatch(MemoryEvents events, WatchService watcher, Report report) throws IOException {
        this.events = events;
        this.watcher = watcher;
        this.report = report;
        this.seen = Math.max(0, events.oomKills());
    }

    /**
     * @param events the cgroup to watch
     * @param report told of each rise
     * @return the watch, running
     * @throws IOException when the directory cannot be watched
     */
    static OomWatch start(MemoryEvents events, Report report) throws IOException {
        WatchService watcher = events.dir().getFileSystem().newWatchService();
        try {
            events.dir().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY);
            OomWatch watch = new OomWatch(events, watcher, report);
            Thread t = new Thread(watch::run, "jobshell-oom-watch");
            t.setDaemon(true);
            t.start();
            return watch;
        } catch (IOException | RuntimeException e) {
            watcher.close();
            throw e;
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean changed = false;
                for (WatchEvent<?> e : key.pollEvents()) {
                    changed |= e.kind() == StandardWatchEventKinds.OVERFLOW
                            || Path.of("memory.events").equals(e.context());
                }
                if (changed) {
                    check();
                }
                if (!key.reset()) {
                    return; // the cgroup is gone
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the shell ended
        }
    }

    private void check() {
        try {
            long now = events.oomKills();
            if (now < 0) {
                return; // read while being written (not the kernel's files, which read whole): the next change tells
            }
            if (now > seen) {
                report.killed(now - seen, events.peak());
            }
            seen = now;
        } catch (IOException | NumberFormatException e) {
            // memory.events unreadable for a moment: the next change tells
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            // closed either way
        }
    }
}
