package org.jobshell.plugin.output;

import java.util.List;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * The builtin {@code output} plugin: each task's stdout and stderr go to the job's terminal line by
 * line (never cut inside a line, in order per task), labelled {@code <taskrank>: } with
 * {@code --label-io} (options {@code output.stdout.label}, {@code output.stderr.label}), and to the
 * output eventlog as {@code data} events. Shells other than the leader send their tasks' output
 * to the leader's {@value JobOutput#WRITE_METHOD} service.
 */
@Component(property = {ShellPlugin.NAME + "=output", "service.ranking:Integer=27"})
public final class OutputPlugin implements ShellPlugin {

    /** The options this plugin reads. */
    static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.of("output.limit", OptionSpec.Type.ANY).syntax("SIZE").defaultValue("1G")
                    .help("bytes of each stream the output eventlog keeps: N or N[kKMG], 1 to 1G")
                    .check(OutputLimit::value),
            OptionSpec.of("output.stdout.label", OptionSpec.Type.FLAG).defaultValue("false")
                    .help("prefix stdout lines with '<task rank>: ' (--label-io)"),
            OptionSpec.of("output.stderr.label", OptionSpec.Type.FLAG).defaultValue("output.stdout.label")
                    .help("prefix stderr lines with '<task rank>: ' (--label-io)"),
            OptionSpec.of("output.stdout.path", OptionSpec.Type.STRING).syntax("TEMPLATE").defaultValue("the terminal")
                    .help("write stdout to files, a mustache template rendered per task (--output)"),
            OptionSpec.of("output.stderr.path", OptionSpec.Type.STRING).syntax("TEMPLATE")
                    .defaultValue("output.stdout.path").help("write stderr to files (--error)"),
            OptionSpec.of("output.stdout.type", OptionSpec.Type.STRING).values("kvs", "file").defaultValue("file with a path")
                    .help("kvs: to the terminal and the output eventlog even with a path"),
            OptionSpec.of("output.stderr.type", OptionSpec.Type.STRING).values("kvs", "file")
                    .defaultValue("output.stdout.type").help("kvs: to the terminal and the output eventlog even with a path"),
            OptionSpec.of("output.mode", OptionSpec.Type.STRING).values("truncate", "append").defaultValue("truncate")
                    .help("whether output files are truncated or appended to"));

    @Override
    public void attach(PluginContext plugin) {
        OPTIONS.forEach(plugin::declare);
        new JobOutput(plugin);
    }
}
