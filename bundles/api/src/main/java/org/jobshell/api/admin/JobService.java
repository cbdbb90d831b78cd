package org.jobshell.api.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
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
     * Starts a job on behalf of a user (a client of the daemon): as {@link #submit(JobRequest)},
     * the job's {@link Job#owner()} being that user.
     *
     * @param request the job
     * @param owner the user name of whoever submits it
     * @return the running job
     * @since 1.2
     */
    Job submit(JobRequest request, String owner);

    /**
     * @return the jobs of this container: every running one, and the latest finished ones (at most
     *     1000), in submission order
     * @since 1.2
     */
    List<Job> jobs();

    /**
     * @param id a job id as {@link Job#id()} shows it
     * @return that job, when this container runs it or ran it recently (see {@link #jobs()})
     * @since 1.2
     */
    Optional<Job> job(String id);

    /**
     * Checks a jobspec without running it.
     *
     * @param jobspec a jobspec
     * @throws org.jobshell.api.ShellException {@code jobspec: <field>: <problem>}
     */
    void validate(ObjectNode jobspec);
}
