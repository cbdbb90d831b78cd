package org.jobshell.core.stack;

import java.util.List;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.ShellException;

/**
 * The shell options the core itself reads, declared like plugins' options (owner {@value #OWNER}); with
 * them the Lua rc options, which the reference counts as the shell's own ({@code initrc}) and its
 * default initrc's ({@code userrc}).
 */
public final class CoreOptions {

    /** The owner named in messages and {@code --help-options}. */
    public static final String OWNER = "jobshell";

    /** Every option of the core. */
    public static final List<OptionSpec> ALL = List.of(
            OptionSpec.of("verbose", OptionSpec.Type.INTEGER).syntax("0|1|2").defaultValue("0")
                    .help("shell log level: 1 adds DEBUG, 2 TRACE (-v, -vv)").check(v -> {
                        if (v.intValue() < 0) {
                            throw new ShellException("must be 0, 1 or 2, got " + v);
                        }
                    }),
            OptionSpec.of("taskmap", OptionSpec.Type.OBJECT).syntax("{scheme, value}").defaultValue("block")
                    .help("which shell runs which tasks (--taskmap=SCHEME[:VALUE])"),
            OptionSpec.of("taskmap.scheme", OptionSpec.Type.STRING)
                    .help("block, cyclic, hostfile, manual, or a scheme a plugin offers"),
            OptionSpec.of("taskmap.value", OptionSpec.Type.ANY).help("the scheme's value: cyclic:N, hostfile:FILE, "
                    + "manual:MAP"),
            OptionSpec.of("initrc", OptionSpec.Type.STRING).syntax("FILE").defaultValue("etc/initrc.lua")
                    .help("the Lua rc file run instead of the system initrc (relative to the job's cwd)"),
            OptionSpec.of("userrc", OptionSpec.Type.STRING).syntax("FILE")
                    .help("a Lua rc file the system initrc sources after the site's lua.d"),
            OptionSpec.of(PluginSelection.OPTION, OptionSpec.Type.ANY).syntax("[-]NAME,...")
                    .help("this job's plugins: -NAME,... leaves those out, NAME,... takes only those")
                    .check(PluginSelection::of));

    private CoreOptions() {
    }
}
