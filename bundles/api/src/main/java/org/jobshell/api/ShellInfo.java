package org.jobshell.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** The job and one shell's place in it. */
@ProviderType
public interface ShellInfo {

    /** @return the job id as a number */
    long jobId();

    /** @return the job id as users see it: {@code f} followed by base58, e.g. {@code f2dJbKpaE3} */
    String jobIdString();

    /** @return this shell's rank, 0 for the leader */
    int rank();

    /** @return the number of shells of the job */
    int size();

    /** @return the number of tasks of the whole job */
    int totalTasks();

    /** @return the jobspec, as submitted (read-only view) */
    JsonNode jobspec();

    /** @return R, the resource set of the job (read-only view) */
    JsonNode resources();

    /** @return the job's directory, holding jobspec.json, R.json and the eventlogs */
    Path jobDirectory();

    /** @return the working directory of the tasks */
    Path cwd();

    /**
     * @return the job's task map (RFC 34): which shell runs which task ranks. The default block map
     *     until the {@code taskmap} option is applied, after the plugins attach and before the tasks
     *     are created; the final map from {@code shell.init} on
     */
    TaskMap taskmap();
}
