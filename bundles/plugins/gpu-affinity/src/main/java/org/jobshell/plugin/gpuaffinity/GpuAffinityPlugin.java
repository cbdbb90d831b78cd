package org.jobshell.plugin.gpuaffinity;

import java.util.BitSet;
import java.util.List;
import org.jobshell.api.Environment;
import org.jobshell.api.Idset;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Task;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code gpu-affinity} plugin (spec §3.2). Option {@code gpu-affinity}, default
 * {@code on}: tasks see {@code CUDA_VISIBLE_DEVICES=-1} (no GPU) unless R gives their shell GPUs;
 * {@code on} gives every task the shell's GPUs, {@code per-task} each task its own share of them,
 * {@code map:LIST} task i the i-th {@code ;}-separated set (reused from the start); {@code off}
 * leaves the variable alone. {@code CUDA_DEVICE_ORDER=PCI_BUS_ID} is set unless the job has one.
 */
@Component(property = {ShellPlugin.NAME + "=gpu-affinity", "service.ranking:Integer=39"})
public final class GpuAffinityPlugin implements ShellPlugin {

    static final String OPTION = "gpu-affinity";

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(OptionSpec.of(OPTION, OptionSpec.Type.STRING).syntax("on|off|per-task|map:LIST")
                .defaultValue("on").help("CUDA_VISIBLE_DEVICES: the shell's GPUs (on), a share per task (per-task), "
                        + "the sets of LIST (map:0;1-2), or untouched (off)")
                .check(v -> GpuSets.check(v.textValue())));
        JobGpus job = new JobGpus();
        plugin.handle("shell.init", (shell, topic, args) -> job.perTask = init(shell));
        plugin.handle("task.init", (shell, topic, args) -> job.taskInit(shell.currentTask()));
    }

    /** One job's sets per task (per-task and map:), else null. */
    private static final class JobGpus {
        List<String> perTask;

        void taskInit(Task task) {
            if (perTask != null && !perTask.isEmpty()) {
                task.launch().environment().set("CUDA_VISIBLE_DEVICES", perTask.get(task.localId() % perTask.size()));
            }
        }
    }

    /** @return each task's set for per-task and map:, else null (the job environment says it all) */
    private static List<String> init(Shell shell) {
        String mode = shell.options().getString(OPTION, "on");
        if (mode.equals("off")) {
            return null;
        }
        Environment env = shell.environment();
        env.set("CUDA_VISIBLE_DEVICES", "-1");
        env.set("CUDA_DEVICE_ORDER", "PCI_BUS_ID", false);
        if (mode.startsWith("map:")) {
            return GpuSets.parseMap(mode.substring(4));
        }
        BitSet gpus = Idset.decode(shell.rankInfo(-1).gpus());
        if (gpus.isEmpty()) {
            return null;
        }
        if (mode.equals("per-task")) {
            return GpuSets.perTask(gpus, shell.tasks().size());
        }
        env.set("CUDA_VISIBLE_DEVICES", GpuSets.list(gpus));
        return null;
    }
}
