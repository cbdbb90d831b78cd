package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jobshell.api.ShellInfo;
import org.jobshell.api.TaskMap;

/**
 * The job and one shell's place in it.
 *
 * @param jobId the job id
 * @param jobIdString its text form
 * @param rank the shell rank
 * @param size the number of shells
 * @param totalTasks the number of tasks of the job
 * @param jobspec the jobspec
 * @param resources R
 * @param jobDirectory the job directory
 * @param cwd the tasks' working directory
 * @param taskmap the task map
 */
record ShellInfoRecord(long jobId, String jobIdString, int rank, int size, int totalTasks, JsonNode jobspec,
        JsonNode resources, Path jobDirectory, Path cwd, TaskMap taskmap) implements ShellInfo {

    /**
     * @param map the task map the shell applied
     * @return the same info with that map
     */
    ShellInfoRecord withTaskmap(TaskMap map) {
        return new ShellInfoRecord(jobId, jobIdString, rank, size, totalTasks, jobspec, resources, jobDirectory, cwd, map);
    }
}
