package org.jobshell.core.job;

import java.nio.channels.Channel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * What creating a shell's tasks needs to know about the job, and the creating: the job's
 * {@code JOBSHELL_*} variables (spec §6.6), then one {@link TaskRecord} per task rank of the shell,
 * each with an environment of its own linked to the job's.
 *
 * @param jobId the job id
 * @param shellRank this shell
 * @param layout where the job's tasks go
 * @param command the tasks' command
 * @param hostname this host
 */
record TaskSetup(String jobId, int shellRank, TaskLayout layout, List<String> command, String hostname) {

    /** @param environment the job environment: gets what every task of this shell sees */
    void describe(EnvironmentMap environment) {
        environment.set("JOBSHELL_JOB_ID", jobId);
        environment.set("JOBSHELL_JOB_SIZE", Integer.toString(layout.totalTasks()));
        environment.set("JOBSHELL_JOB_NNODES", Integer.toString(layout.shells()));
        environment.set("JOBSHELL_SHELL_RANK", Integer.toString(shellRank));
        if (environment.get("HOSTNAME") != null) {
            environment.set("HOSTNAME", hostname);
        }
        environment.set("JOBSHELL_TASKMAP", layout.taskmap().encode());
    }

    /**
     * @param environment the job environment
     * @param cwd the tasks' working directory
     * @param inheritable refuses a descriptor the launcher cannot pass
     * @param owner told about each task's life
     * @return this shell's tasks in local order, none started
     */
    List<TaskRecord> tasks(EnvironmentMap environment, Path cwd, Consumer<Channel> inheritable, TaskRecord.Owner owner) {
        BitSet ranks = layout.taskIds(shellRank);
        List<TaskRecord> created = new ArrayList<>(ranks.cardinality());
        int i = 0;
        for (int rank = ranks.nextSetBit(0); rank >= 0; rank = ranks.nextSetBit(rank + 1), i++) {
            TaskEnvironment taskEnv = new TaskEnvironment(environment);
            taskEnv.set("JOBSHELL_TASK_RANK", Integer.toString(rank));
            taskEnv.set("JOBSHELL_TASK_LOCAL_ID", Integer.toString(i));
            environment.link(taskEnv);
            created.add(new TaskRecord(rank, i, new LaunchSpec(command, taskEnv, cwd, inheritable), owner));
        }
        return List.copyOf(created);
    }
}
