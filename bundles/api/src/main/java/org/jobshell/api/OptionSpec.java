package org.jobshell.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A shell option a plugin reads, declared with {@link PluginContext#declare(OptionSpec)} so that the
 * core checks it before any task starts: a value of the wrong type, not among the allowed values or
 * refused by the option's {@link OptionCheck} fails the job in one line naming the option and the
 * plugin; an option no plugin of the job declares is warned about with the nearest declared name;
 * {@code jobshell run --help-options} lists every declared option.
 *
 * <p>The name is a top-level option ({@code cpu-affinity}) or a dotted path into an object option
 * ({@code output.limit}: {@code -o output.limit=10M} sets {@code {"output":{"limit":"10M"}}}). An
 * {@link Type#OBJECT} option whose keys are not declared one by one takes any keys ({@code rlimit}).
 * Immutable: each {@code with}-style method returns a new spec.
 *
 * <pre>{@code
 * plugin.declare(OptionSpec.of("exit-timeout", OptionSpec.Type.ANY).syntax("DURATION|none").defaultValue("30s")
 *         .help("fail the job this long after the first task exited").check(Durations::check));
 * }</pre>
 */
public final class OptionSpec {

    /** What JSON values an option takes. */
    public enum Type {
        /** A JSON string. */
        STRING("a string", "TEXT"),
        /** A JSON integer. */
        INTEGER("an integer", "N"),
        /** Any JSON number. */
        NUMBER("a number", "NUMBER"),
        /** {@code true}/{@code false} or an integer (0 is false). */
        FLAG("true/false or an integer", "true|false"),
        /** A JSON object. */
        OBJECT("an object", "{...}"),
        /** Any value; {@link OptionCheck} decides. */
        ANY("a value", "VALUE");

        private final String words;
        private final String placeholder;

        Type(String words, String placeholder) {
            this.words = words;
            this.placeholder = placeholder;
        }

        /** @return how a value of this type is shown in help, e.g. {@code N} */
        public String placeholder() {
            return placeholder;
        }

        /** @return the type in a user's words, e.g. {@code an integer} */
        public String words() {
            return words;
        }

        /**
         * @param value a value
         * @return whether it has this type
         */
        public boolean accepts(JsonNode value) {
            switch (this) {
                case STRING:
                    return value.isTextual();
                case INTEGER:
                    return value.isIntegralNumber();
                case NUMBER:
                    return value.isNumber();
                case FLAG:
                    return value.isBoolean() || value.isIntegralNumber();
                case OBJECT:
                    return value.isObject();
                default:
                    return true;
            }
        }
    }

    private final String name;
    private final Type type;
    private final List<String> values;
    private final String syntax;
    private final String defaultValue;
    private final String help;
    private final OptionCheck check;

    private OptionSpec(String name, Type type, List<String> values, String syntax, String defaultValue, String help,
            OptionCheck check) {
        this.name = name;
        this.type = type;
        this.values = values;
        this.syntax = syntax;
        this.defaultValue = defaultValue;
        this.help = help;
        this.check = check;
    }

    /**
     * @param name the option, e.g. {@code cpu-affinity} or {@code output.limit}
     * @param type what values it takes
     * @return the spec, with no allowed-value list, default, help or check
     * @throws IllegalArgumentException for an empty name or an empty part of a dotted one
     */
    public static OptionSpec of(String name, Type type) {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("bad option name '" + name + "'");
        }
        return new OptionSpec(name, type, List.of(), null, null, "", null);
    }

    /**
     * @param allowed the only values a {@link Type#STRING} option takes
     * @return the spec with them
     */
    public OptionSpec values(String... allowed) {
        return new OptionSpec(name, type, List.of(allowed), syntax, defaultValue, help, check);
    }

    /**
     * @param text how the value is written, for help, e.g. {@code on|off|per-task|map:LIST}
     * @return the spec with it
     */
    public OptionSpec syntax(String text) {
        return new OptionSpec(name, type, values, text, defaultValue, help, check);
    }

    /**
     * @param text the value the plugin uses when the option is not given, for help, e.g. {@code 30s}
     * @return the spec with it
     */
    public OptionSpec defaultValue(String text) {
        return new OptionSpec(name, type, values, syntax, text, help, check);
    }

    /**
     * @param line one line of help
     * @return the spec with it
     */
    public OptionSpec help(String line) {
        return new OptionSpec(name, type, values, syntax, defaultValue, Objects.requireNonNull(line), check);
    }

    /**
     * @param valueCheck checks a value of the right type
     * @return the spec with it
     */
    public OptionSpec check(OptionCheck valueCheck) {
        return new OptionSpec(name, type, values, syntax, defaultValue, help, valueCheck);
    }

    /** @return the option's name: a top-level option or a dotted path */
    public String name() {
        return name;
    }

    /** @return what values it takes */
    public Type type() {
        return type;
    }

    /** @return the only values it takes, or empty for any of its type */
    public List<String> values() {
        return values;
    }

    /** @return how its value is written: the syntax given, the allowed values, or the type */
    public String syntax() {
        if (syntax != null) {
            return syntax;
        }
        return values.isEmpty() ? type.placeholder() : String.join("|", values);
    }

    /** @return the default, for help, or null when none was given */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return one line of help, possibly empty */
    public String help() {
        return help;
    }

    /**
     * Checks a value of this option.
     *
     * @param value the value
     * @throws ShellException saying what is wrong with it (without the option's name)
     */
    public void validate(JsonNode value) {
        if (!type.accepts(value)) {
            throw new ShellException("must be " + type.words() + ", got " + value);
        }
        if (!values.isEmpty() && !values.contains(value.asText())) {
            throw new ShellException("must be one of " + String.join(", ", values) + ", got " + value);
        }
        if (check != null) {
            check.check(value);
        }
    }

    @Override
    public String toString() {
        return name + "=" + syntax();
    }
}
