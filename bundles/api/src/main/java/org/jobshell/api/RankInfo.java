package org.jobshell.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.annotation.versioning.ProviderType;

/** What one shell rank of the job runs: its host, its tasks and its cores. */
@ProviderType
public interface RankInfo {

    /** @return the shell rank */
    int id();

    /** @return the host name of that rank */
    String name();

    /** @return the number of tasks that rank runs */
    int ntasks();

    /** @return the task ranks of that shell as an idset, e.g. {@code 0-3} or {@code 0,4,8} */
    String taskIds();

    /** @return the cores of that rank as an idset, e.g. {@code 0-1} */
    String cores();

    /** @return the number of cores of that rank */
    int ncores();

    /** @return the GPUs of that rank as an idset, empty when it has none */
    String gpus();

    /** @return the same as JSON: {@code {id, name, ntasks, taskids, resources:{ncores, cores, gpus?}}} */
    ObjectNode toJson();
}
