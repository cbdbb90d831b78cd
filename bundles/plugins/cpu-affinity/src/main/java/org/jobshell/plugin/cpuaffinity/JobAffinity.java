package org.jobshell.plugin.cpuaffinity;

import java.util.BitSet;
import java.util.List;
import org.jobshell.api.Args;
import org.jobshell.api.Idset;
import org.jobshell.api.Shell;
import org.jobshell.api.Task;

/** cpu-affinity for one shell: decides the sets at shell.init, applies them at task.exec. */
final class JobAffinity {

    private AffinityOption option;
    private List<BitSet> perTask;
    private BitSet shellCpus;

    void init(Shell shell, String topic, Args args) {
        option = AffinityOption.parse(shell.options().get("cpu-affinity"));
        if (option.invalid()) {
            shell.log().warn("invalid option: " + shell.options().get("cpu-affinity") + ": using on");
        }
        if (option.mode() == AffinityOption.Mode.OFF) {
            return;
        }
        String cores = shell.rankInfo(-1).cores();
        shellCpus = Idset.decode(cores);
        if (shellCpus.isEmpty()) {
            shell.log().warn("unable to get cpuset for cores " + cores + ". Disabling affinity");
            option = new AffinityOption(AffinityOption.Mode.OFF, null, false, false, false, null);
            return;
        }
        if (option.verbose() || option.dryRun()) {
            shell.log().notice("cpus: " + Idset.encode(shellCpus));
        }
        int ntasks = shell.tasks().size();
        if (option.mode() == AffinityOption.Mode.PER_TASK) {
            perTask = CpuSetParser.distribute(shellCpus, ntasks);
        } else if (option.mode() == AffinityOption.Mode.MAP) {
            perTask = CpuSetParser.parseMap(option.map());
        }
    }

    void taskExec(Shell shell, String topic, Args args) {
        if (option == null || option.mode() == AffinityOption.Mode.OFF) {
            return;
        }
        Task task = shell.currentTask();
        BitSet cpus = perTask == null ? shellCpus : perTask.get(task.localId() % perTask.size());
        if (perTask != null && (option.verbose() || option.dryRun())) {
            shell.log().notice("task " + task.rank() + ": cpus: " + Idset.encode(cpus));
        }
        if (!option.dryRun()) {
            task.launch().cpus(cpus);
        }
    }
}
