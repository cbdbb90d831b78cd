package org.jobshell.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobshell.api.admin.Job;
import org.jobshell.core.spi.JobListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code job.submitted}, {@code job.started}, {@code job.finished}: what the core tells of each job. */
@Component
public final class JobEvents implements JobListener {

    private final EventHub hub;

    /** @param hub where events go */
    @Activate
    public JobEvents(@Reference EventHub hub) {
        this.hub = hub;
    }

    @Override
    public void submitted(Job job) {
        hub.publish(event("job.submitted", job));
    }

    @Override
    public void started(Job job) {
        hub.publish(event("job.started", job));
    }

    @Override
    public void finished(Job job, int exitCode) {
        ObjectNode e = event("job.finished", job);
        e.put("exitcode", exitCode);
        hub.publish(e);
    }

    private ObjectNode event(String type, Job job) {
        ObjectNode e = hub.event(type);
        e.put("id", job.id());
        e.put("owner", job.owner());
        e.put("ntasks", job.ntasks());
        return e;
    }
}
