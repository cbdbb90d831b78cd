package org.jobshell.plugin.output;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobshell.api.ShellException;
import org.jobshell.api.TaskStream;

/**
 * Option {@code output} resolved per stream, as the reference does (spec §8.1): stdout's settings
 * first, then stderr starts as a copy of them (so {@code --output=F} alone sends stderr to F too)
 * and takes its own keys; {@code type: "kvs"} sends a stream to the terminal and the eventlog even
 * when a path is set.
 *
 * @param stdout where stdout goes
 * @param stderr where stderr goes
 * @param append whether files are appended to ({@code output.mode=append}) instead of truncated
 */
record OutputConfig(Stream stdout, Stream stderr, boolean append) {

    /**
     * One stream's settings.
     *
     * @param path the file name template, or null for the terminal and the output eventlog
     * @param label whether lines are prefixed {@code <task rank>: }
     */
    record Stream(String path, boolean label) {
    }

    /**
     * @param output the {@code output} option, or null
     * @return the settings
     * @throws ShellException naming the option when a value has the wrong type
     */
    static OutputConfig of(JsonNode output) {
        if (output == null) {
            Stream none = new Stream(null, false);
            return new OutputConfig(none, none, false);
        }
        if (!output.isObject()) {
            throw new ShellException("option output: must be an object, got " + output);
        }
        Stream out = stream(output.path("stdout"), "output.stdout", new Stream(null, false));
        Stream err = stream(output.path("stderr"), "output.stderr", out);
        return new OutputConfig(out, err, "append".equals(output.path("mode").asText()));
    }

    /** @return the settings of one stream */
    Stream stream(TaskStream s) {
        return s == TaskStream.STDOUT ? stdout : stderr;
    }

    private static Stream stream(JsonNode s, String name, Stream base) {
        JsonNode p = s.get("path");
        String path = p == null || p.isNull() ? base.path() : p.asText();
        if ("kvs".equals(s.path("type").asText())) {
            path = null;
        }
        return new Stream(path, flag(s.get("label"), name + ".label", base.label()));
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
