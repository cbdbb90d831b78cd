package org.jobshell.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;

/**
 * Shell options from {@code -o KEY[=VAL]}: KEY is split on dots into nested objects, VAL is JSON
 * when it parses as JSON and a string otherwise, and a missing VAL is the integer 1. So
 * {@code -o output.stdout.label} sets {@code {"output":{"stdout":{"label":1}}}}.
 */
final class OptionValues {

    private OptionValues() {
    }

    /**
     * @param options the options object to add to
     * @param setting {@code KEY[=VAL]}
     * @param mapper for parsing values
     * @throws UsageException for an empty key or a key that collides with a non-object value
     */
    static void apply(ObjectNode options, String setting, ObjectMapper mapper) {
        int eq = setting.indexOf('=');
        String key = eq < 0 ? setting : setting.substring(0, eq);
        JsonNode value = eq < 0 ? IntNode.valueOf(1) : parse(setting.substring(eq + 1), mapper);
        set(options, key, value, "-o " + setting);
    }

    /**
     * Sets a dotted option to a string as it is (no JSON parsing), for flags such as {@code --output}.
     *
     * @param options the options object to add to
     * @param key the dotted option name
     * @param text the value
     * @param flag the flag, for messages
     * @throws UsageException when the key collides with a non-object value
     */
    static void setText(ObjectNode options, String key, String text, String flag) {
        set(options, key, TextNode.valueOf(text), flag);
    }

    private static void set(ObjectNode options, String key, JsonNode value, String setting) {
        String[] path = key.split("\\.", -1);
        ObjectNode at = options;
        for (int i = 0; i < path.length; i++) {
            if (path[i].isEmpty()) {
                throw new UsageException(setting + ": empty option name");
            }
            if (i == path.length - 1) {
                at.set(path[i], value);
            } else {
                JsonNode child = at.get(path[i]);
                if (child == null) {
                    at = at.putObject(path[i]);
                } else if (child.isObject()) {
                    at = (ObjectNode) child;
                } else {
                    String prefix = String.join(".", Arrays.copyOf(path, i + 1));
                    throw new UsageException(
                            setting + ": option " + prefix + " is already set to " + child + ", not an object");
                }
            }
        }
    }

    private static JsonNode parse(String text, ObjectMapper mapper) {
        try {
            JsonNode v = mapper.readTree(text);
            return v == null || v.isMissingNode() ? TextNode.valueOf(text) : v;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
