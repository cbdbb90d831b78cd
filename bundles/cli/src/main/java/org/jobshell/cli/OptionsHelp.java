package org.jobshell.cli;

import java.util.List;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.admin.PluginOption;

/** {@code jobshell run --help-options}: every shell option the next job's plugins declare. */
final class OptionsHelp {

    private OptionsHelp() {
    }

    /**
     * @param options the declared options, sorted by name
     * @return two lines per option: {@code -o NAME=SYNTAX  (plugin P, default D)} and its help
     */
    static String text(List<PluginOption> options) {
        StringBuilder b = new StringBuilder("Shell options the plugins of a job read (-o NAME=VALUE; a dotted NAME "
                + "sets a key of an object option):\n\n");
        for (PluginOption p : options) {
            OptionSpec o = p.option();
            b.append("  -o ").append(o.name()).append('=').append(o.syntax()).append("   (plugin ").append(p.plugin());
            if (o.defaultValue() != null) {
                b.append(", default ").append(o.defaultValue());
            }
            b.append(")\n");
            if (!o.help().isEmpty()) {
                b.append("        ").append(o.help()).append('\n');
            }
        }
        return b.toString();
    }
}
