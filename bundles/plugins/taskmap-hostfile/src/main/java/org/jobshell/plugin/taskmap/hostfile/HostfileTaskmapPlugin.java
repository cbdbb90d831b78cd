package org.jobshell.plugin.taskmap.hostfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.TaskMap;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code taskmap.hostfile} plugin: {@code --taskmap=hostfile:FILE} places task i on the
 * shell whose host is the i-th host of FILE (one host name or RFC 29 hostlist per line, blank lines
 * skipped), the list reused from the start when there are more tasks than hosts. A relative FILE is
 * relative to the job's working directory.
 */
@Component(property = {ShellPlugin.NAME + "=taskmap.hostfile", "service.ranking:Integer=69"})
public final class HostfileTaskmapPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle("taskmap.hostfile", (shell, topic, args) -> {
            TaskMap current = TaskMap.decode(args.in().path("taskmap").asText());
            Path file = shell.info().cwd().resolve(args.in().path("value").asText(""));
            args.out().put("taskmap", Hostfile.map(Hostfile.read(file), nodeNames(shell),
                    current.totalTasks()).encode());
        });
    }

    private static List<String> nodeNames(Shell shell) {
        List<String> names = new ArrayList<>();
        for (int r = 0; r < shell.info().size(); r++) {
            names.add(shell.rankInfo(r).name());
        }
        return names;
    }
}
