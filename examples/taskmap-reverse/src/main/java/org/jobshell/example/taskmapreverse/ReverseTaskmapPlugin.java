package org.jobshell.example.taskmapreverse;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.TaskMap;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin {@code taskmap.reverse}: the task map scheme {@code --taskmap=reverse} places the
 * tasks on the shells in reverse order: the last shell runs the first tasks. A scheme plugin
 * handles {@code taskmap.<scheme>}: it reads the current map (RFC 34 text) from IN {@code taskmap}
 * and puts the new one in OUT {@code taskmap}; the core checks that it places as many tasks on as
 * many shells.
 */
@Component(property = {ShellPlugin.NAME + "=taskmap.reverse", "service.ranking:Integer=100"})
public final class ReverseTaskmapPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle("taskmap.reverse", (shell, topic, args) -> {
            TaskMap current = TaskMap.decode(args.in().get("taskmap").asText());
            args.out().put("taskmap", reverse(current).encode());
        });
    }

    /**
     * @param map a task map
     * @return the map whose node {@code n - 1 - i} runs what node i ran in {@code map}, in the same
     *     order of task ranks
     */
    static TaskMap reverse(TaskMap map) {
        int[] nodeOf = new int[map.totalTasks()];
        for (int task = 0; task < nodeOf.length; task++) {
            nodeOf[task] = map.nnodes() - 1 - map.nodeOf(task);
        }
        return TaskMap.ofNodes(nodeOf);
    }
}
