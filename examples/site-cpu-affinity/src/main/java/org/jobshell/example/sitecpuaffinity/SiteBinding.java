package org.jobshell.example.sitecpuaffinity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.BitSet;
import org.jobshell.api.Args;
import org.jobshell.api.Idset;
import org.jobshell.api.Shell;
import org.jobshell.api.Task;

/**
 * The site policy for one job: decides at {@code shell.init}, binds each task at {@code task.exec}.
 */
final class SiteBinding {

    /** The environment variable each bound task gets: its CPU list as an idset, e.g. {@code 0-3}. */
    static final String BINDING_VARIABLE = "JOBSHELL_CPU_BINDING";

    private static final String OPTION = "cpu-affinity";

    /** The shell's cores in ascending order; null when affinity is off for this job. */
    private int[] cores;
    private int ntasks;

    /**
     * {@code shell.init}: reads the option and the shell's cores. The tasks exist by now, so their
     * number is known.
     *
     * @param shell the shell
     * @param topic {@code shell.init}
     * @param args unused
     */
    void init(Shell shell, String topic, Args args) {
        JsonNode option = shell.options().get(OPTION);
        if (option != null && option.isTextual() && option.textValue().equals("off")) {
            return;
        }
        if (option != null && !(option.isTextual() && option.textValue().equals("per-task"))) {
            String value = option.isTextual() ? option.textValue() : option.toString();
            shell.log().warn("site policy binds tasks per task: ignoring " + OPTION + "=" + value);
        }
        cores = Idset.decode(shell.rankInfo(-1).cores()).stream().toArray();
        ntasks = shell.tasks().size();
        if (cores.length == 0) {
            shell.log().warn("this shell has no cores: affinity left alone");
            cores = null;
        }
    }

    /**
     * {@code task.exec}: binds the current task to its share and tells it so through the
     * environment. The launcher applies the binding when it spawns the task.
     *
     * @param shell the shell
     * @param topic {@code task.exec}
     * @param args unused
     */
    void bind(Shell shell, String topic, Args args) {
        if (cores == null) {
            return;
        }
        Task task = shell.currentTask();
        BitSet cpus = share(task.localId());
        String list = Idset.encode(cpus);
        task.launch().cpus(cpus);
        task.launch().environment().set(BINDING_VARIABLE, list);
        shell.log().debug("site-cpu-affinity: task " + task.rank() + ": cpus: " + list);
    }

    /**
     * Task {@code i} of {@code n} gets the cores from position {@code i*c/n} up to, not including,
     * {@code (i+1)*c/n} of the shell's {@code c} cores: equal shares when cores outnumber tasks,
     * and when tasks outnumber cores, neighbouring tasks share a core (every task gets one).
     */
    private BitSet share(int localId) {
        int c = cores.length;
        int from = (int) ((long) localId * c / ntasks);
        int to = Math.max(from + 1, (int) ((long) (localId + 1) * c / ntasks));
        BitSet cpus = new BitSet();
        for (int k = from; k < to; k++) {
            cpus.set(cores[k]);
        }
        return cpus;
    }
}
