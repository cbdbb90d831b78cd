package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobshell.api.RankInfo;

/**
 * What one shell rank runs.
 *
 * @param id the shell rank
 * @param name its host
 * @param ntasks its number of tasks
 * @param taskIds its task ranks as an idset
 * @param cores its cores as an idset
 * @param ncores its number of cores
 * @param gpus its GPUs as an idset, empty for none
 */
record RankInfoRecord(int id, String name, int ntasks, String taskIds, String cores, int ncores, String gpus)
        implements RankInfo {

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", id);
        o.put("name", name);
        o.put("ntasks", ntasks);
        o.put("taskids", taskIds);
        ObjectNode r = o.putObject("resources");
        r.put("ncores", ncores);
        r.put("cores", cores);
        if (!gpus.isEmpty()) {
            r.put("gpus", gpus);
        }
        return o;
    }
}
