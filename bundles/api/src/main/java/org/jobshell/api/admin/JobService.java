package org.jobshell.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.annotation.versioning.ProviderType;

/** Runs jobs in this container. */
@ProviderType
public interface JobService {

    /**
     * Starts a job: validates its jobspec, creates its directory and starts its shells.
     *
     * @param request the job
     * @return the running job
     * @throws org.jobshell.api.ShellException naming the field when the jobspec is invalid, or
     *     when the job directory cannot be created
     */
    Job submit(JobRequest request);

    /**
     * Checks a jobspec without running it.
     *
     * @param jobspec a jobspec
     * @throws org.jobshell.api.ShellException {@code jobspec: <field>: <problem>}
     */
    void validate(ObjectNode jobspec);
}
