package org.jobshell.plugin.taskmap.cyclic;

import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.TaskMap;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code taskmap.cyclic} plugin: {@code --taskmap=cyclic[:N]} (option
 * {@code taskmap={scheme:"cyclic", value:"N"}}) deals the task ranks out to the shells in turn, N at
 * a time (default 1), keeping each shell's task count: with 4 shells of 4 tasks, shell 0 runs 0, 4, 8
 * and 12 ({@code cyclic}), or 0, 1, 8 and 9 ({@code cyclic:2}).
 */
@Component(property = {ShellPlugin.NAME + "=taskmap.cyclic", "service.ranking:Integer=66"})
public final class CyclicTaskmapPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle("taskmap.cyclic", (shell, topic, args) -> {
            TaskMap current = TaskMap.decode(args.in().path("taskmap").asText());
            int stride = Cyclic.stride(args.in().path("value").asText(""));
            args.out().put("taskmap", Cyclic.map(current, stride).encode());
        });
    }
}
