package org.jobshell.core.spi;

import org.jobshell.api.admin.Job;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told about every job of the container, in the order of its life: registered as an OSGi service
 * (whiteboard). The daemon's event stream is one. Calls come from the thread that made the change
 * (the submitter's, then the job's own), must return quickly and never block; what a listener
 * throws is ignored.
 */
@ConsumerType
public interface JobListener {

    /** @param job a job that was just submitted: its directory exists, its shells do not run yet */
    void submitted(Job job);

    /** @param job a job whose shells were just started */
    void started(Job job);

    /**
     * @param job a job that ended
     * @param exitCode its exit code
     */
    void finished(Job job, int exitCode);
}
