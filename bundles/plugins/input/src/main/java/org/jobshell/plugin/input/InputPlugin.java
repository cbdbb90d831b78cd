package org.jobshell.plugin.input;

import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code input} plugin (the reference's {@code input.service}, {@code input.file} and
 * {@code input.kvs} in one): what {@code jobshell run} reads on its stdin goes to every task, or to
 * the tasks of {@code --input=RANKS}; with {@code --input=FILE} every task reads the file. End of
 * input reaches every task as end of file.
 */
@Component(property = {ShellPlugin.NAME + "=input", "service.ranking:Integer=18"})
public final class InputPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(OptionSpec.of("input.stdin.type", OptionSpec.Type.STRING).values("service", "file")
                .defaultValue("service").help("service: the job's input to the tasks; file: each task reads "
                        + "input.stdin.path (--input=FILE)"));
        plugin.declare(OptionSpec.of("input.stdin.path", OptionSpec.Type.STRING).syntax("FILE")
                .help("the file every task reads with input.stdin.type=file"));
        plugin.declare(OptionSpec.of("input.stdin.ranks", OptionSpec.Type.ANY).syntax("all|IDSET").defaultValue("all")
                .help("the tasks that get the job's input (--input=RANKS); the others read /dev/null")
                .check(InputConfig::ranks));
        new JobInput(plugin);
    }
}
