package org.jobshell.plugin.rlimit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code rlimit} plugin (spec §3.2): {@code -o rlimit.nofile=1024} sets each task's soft
 * limit. A value above the hard limit is lowered to it, with a warning. Java cannot set limits in the
 * child between fork and exec, so the tasks run under {@code prlimit(1)} (util-linux): one more exec
 * per task, only for jobs that ask.
 */
@Component(property = {ShellPlugin.NAME + "=rlimit", "service.ranking:Integer=63"})
public final class RlimitPlugin implements ShellPlugin {

    static final String OPTION = "rlimit";
    private static final List<Path> PRLIMIT = List.of(Path.of("/usr/bin/prlimit"), Path.of("/bin/prlimit"));

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(OptionSpec.of(OPTION, OptionSpec.Type.OBJECT).syntax("{NAME: N}")
                .help("soft resource limits of the tasks: -o rlimit.nofile=1024, rlimit.core=0, ...")
                .check(Limits::of));
        List<String> wrapper = new ArrayList<>();
        plugin.handle("shell.init", (shell, topic, args) -> wrapper.addAll(init(shell)));
        plugin.handle("task.exec", (shell, topic, args) -> {
            if (!wrapper.isEmpty()) {
                shell.currentTask().launch().wrap(wrapper);
            }
        });
    }

    /** @return the prlimit command line the tasks run under, empty when there is nothing to set */
    private static List<String> init(Shell shell) throws IOException {
        JsonNode option = shell.options().get(OPTION);
        if (option == null || option.isEmpty()) {
            return List.of();
        }
        Path prlimit = PRLIMIT.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new ShellException("prlimit (util-linux) is not installed: it sets the tasks' limits"));
        List<String> limitsFile = Files.readAllLines(Path.of("/proc/self/limits"));
        List<String> cmd = new ArrayList<>(List.of(prlimit.toString()));
        for (Limits.Limit l : Limits.of(option)) {
            long hard = Limits.hard(limitsFile, l.name());
            long soft = l.soft();
            if (hard >= 0 && soft > hard) {
                shell.log().warn(l.name() + " exceeds current max, raising value to hard limit");
                soft = hard;
            }
            cmd.add("--" + l.name() + "=" + soft + ":");
        }
        cmd.add("--");
        return cmd;
    }
}
