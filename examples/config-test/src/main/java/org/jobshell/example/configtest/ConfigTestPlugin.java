package org.jobshell.example.configtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin {@code config-test}: reads its options at {@code shell.init} and says what it got,
 * {@code config-test: initialized with mode=advanced, level=2} for
 * {@code -o config-test.mode=advanced -o config-test.level=2}. A plugin's options live under its
 * name: {@code -o config-test.mode=X} is the option {@code config-test} with the value
 * {@code {"mode":"X"}}. Without any {@code config-test} option it does nothing.
 */
@Component(property = {ShellPlugin.NAME + "=config-test", "service.ranking:Integer=100"})
public final class ConfigTestPlugin implements ShellPlugin {

    @Override
    public void attach(PluginContext plugin) {
        plugin.handle("shell.init", (shell, topic, args) -> {
            JsonNode options = shell.options().get("config-test");
            if (options == null) {
                return; // not asked for: a plugin on every job stays quiet
            }
            String mode = text(options, "mode", "basic");
            int level = integer(options, "level", 1);
            shell.log().notice("initialized with mode=" + mode + ", level=" + level);
        });
    }

    private static String text(JsonNode options, String key, String dflt) {
        JsonNode v = options == null ? null : options.get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isTextual()) {
            throw new ShellException("option config-test." + key + ": must be a string, got " + v);
        }
        return v.textValue();
    }

    private static int integer(JsonNode options, String key, int dflt) {
        JsonNode v = options == null ? null : options.get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.isIntegralNumber()) {
            throw new ShellException("option config-test." + key + ": must be an integer, got " + v);
        }
        return v.intValue();
    }
}
