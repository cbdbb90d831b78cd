package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobshell.api.ShellException;
import org.jobshell.api.TaskStream;

/**
 * Which streams get a {@code <taskrank>: } label: option {@code output.stdout.label}, and
 * {@code output.stderr.label} which defaults to stdout's (stderr starts as a copy of stdout's
 * settings, as in the reference).
 *
 * @param stdout label stdout lines
 * @param stderr label stderr lines
 */
record Labels(boolean stdout, boolean stderr) {

    static Labels of(JsonNode output) {
        if (output == null) {
            return new Labels(false, false);
        }
        if (!output.isObject()) {
            throw new ShellException("option output: must be an object, got " + output);
        }
        boolean out = flag(output.path("stdout").get("label"), "output.stdout.label", false);
        boolean err = flag(output.path("stderr").get("label"), "output.stderr.label", out);
        return new Labels(out, err);
    }

    boolean label(TaskStream s) {
        return s == TaskStream.STDOUT ? stdout : stderr;
    }

    private static boolean flag(JsonNode v, String name, boolean dflt) {
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.intValue() != 0;
        }
        throw new ShellException("option " + name + ": must be true/false or an integer, got " + v);
    }
}
