package org.jobshell.core.job;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobshell.api.admin.Job;

/**
 * The jobs a container lists: every running one and the latest finished ones, at most a fixed
 * number, so that a long-lived container's memory does not grow with the jobs it ran.
 */
final class JobTable {

    private final int keepFinished;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Deque<String> finished = new ArrayDeque<>();

    /** @param keepFinished how many finished jobs are kept */
    JobTable(int keepFinished) {
        this.keepFinished = keepFinished;
    }

    synchronized void add(Job job) {
        jobs.put(job.id(), job);
    }

    /**
     * A job ended: what it was is kept (not the job itself) until {@code keepFinished} later jobs
     * ended.
     */
    synchronized void finished(Job job) {
        jobs.replace(job.id(), job);
        finished.addLast(job.id());
        while (finished.size() > keepFinished) {
            jobs.remove(finished.removeFirst());
        }
    }

    /** @return the jobs, in submission order */
    synchronized List<Job> jobs() {
        return new ArrayList<>(jobs.values());
    }

    synchronized Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }
}
