package org.jobshell.example.configtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobshell.api.OptionSpec;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin {@code config-test}: declares its options, reads them at {@code shell.init} and says
 * what it got, {@code config-test: initialized with mode=advanced, level=2} for
 * {@code -o config-test.mode=advanced -o config-test.level=2}. A plugin's options live under its
 * name: {@code -o config-test.mode=X} is the option {@code config-test} with the value
 * {@code {"mode":"X"}}. Declared options are checked by the core before any task starts, so the
 * handler reads values of the declared types. Without any {@code config-test} option it does nothing.
 */
@Component(property = {ShellPlugin.NAME + "=config-test", "service.ranking:Integer=100"})
public final class ConfigTestPlugin implements ShellPlugin {

    /** The modes this plugin knows. */
    static final OptionSpec MODE = OptionSpec.of("config-test.mode", OptionSpec.Type.STRING)
            .values("basic", "advanced", "expert").defaultValue("basic").help("how much config-test does");
    /** Its level. */
    static final OptionSpec LEVEL = OptionSpec.of("config-test.level", OptionSpec.Type.INTEGER).syntax("0..9")
            .defaultValue("1").help("how loudly config-test does it").check(v -> {
                if (v.intValue() < 0 || v.intValue() > 9) {
                    throw new ShellException("must be from 0 to 9, got " + v);
                }
            });

    @Override
    public void attach(PluginContext plugin) {
        plugin.declare(MODE).declare(LEVEL);
        plugin.handle("shell.init", (shell, topic, args) -> {
            JsonNode options = shell.options().get("config-test");
            if (options == null) {
                return; // not asked for: a plugin on every job stays quiet
            }
            String mode = options.path("mode").asText(MODE.defaultValue());
            int level = options.path("level").asInt(Integer.parseInt(LEVEL.defaultValue()));
            shell.log().notice("initialized with mode=" + mode + ", level=" + level);
        });
    }
}
