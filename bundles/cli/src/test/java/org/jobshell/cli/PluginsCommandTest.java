package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jobshell.api.admin.DeployFailure;
import org.jobshell.api.admin.PluginInfo;
import org.junit.jupiter.api.Test;

/** The {@code jobshell plugins} table. */
class PluginsCommandTest {

    @Test
    void tableShowsActiveAndShadowedPlugins() {
        String table = PluginsCommand.table(List.of(
                new PluginInfo("cpu-affinity", 36, 12, "org.jobshell.plugin.cpuaffinity", "0.1.0", false, false,
                        "org.site.affinity 2.0.0", List.of("shell.init", "task.exec")),
                new PluginInfo("cpu-affinity", 100, 40, "org.site.affinity", "2.0.0", true, true, null,
                        List.of("shell.init"))), List.of());
        assertEquals(String.join("\n",
                "NAME          RANKING  STATE            BUNDLE                           VERSION  TOPICS",
                "cpu-affinity  36       shadowed         org.jobshell.plugin.cpuaffinity  0.1.0    "
                        + "shell.init,task.exec  (shadowed by org.site.affinity 2.0.0)",
                "cpu-affinity  100      active,optional  org.site.affinity                2.0.0    shell.init",
                ""), table);
    }

    @Test
    void aFailedFileIsListedByNameWithItsReason() {
        String table = PluginsCommand.table(List.of(), List.of(
                new DeployFailure("broken.jar", null, "not a jar: zip END header not found"),
                new DeployFailure("needs-x.jar", "org.site.x 1.0.0", "cannot resolve: missing org.x")));
        assertEquals(String.join("\n",
                "NAME         RANKING  STATE   BUNDLE      VERSION  TOPICS",
                "broken.jar   -        failed  -           -        not a jar: zip END header not found",
                "needs-x.jar  -        failed  org.site.x  1.0.0    cannot resolve: missing org.x",
                ""), table);
    }

    @Test
    void aPluginOfTheLuaInitrcShowsItsFile() {
        String table = PluginsCommand.table(List.of(
                new PluginInfo("cpu-affinity", 36, 12, "org.jobshell.plugin.cpuaffinity", "0.1.0", false, false,
                        "Lua file etc/lua.d/bind.lua", List.of("shell.init")),
                new PluginInfo("cpu-affinity", Integer.MAX_VALUE, 30, "org.jobshell.lua", "0.1.0", false, true, null,
                        List.of("task.init"), "Lua file etc/lua.d/bind.lua")), List.of());
        assertEquals(String.join("\n",
                "NAME          RANKING     STATE     BUNDLE                           VERSION  TOPICS",
                "cpu-affinity  36          shadowed  org.jobshell.plugin.cpuaffinity  0.1.0    "
                        + "shell.init  (shadowed by Lua file etc/lua.d/bind.lua)",
                "cpu-affinity  2147483647  active    org.jobshell.lua                 0.1.0    "
                        + "task.init  (Lua file etc/lua.d/bind.lua)",
                ""), table);
    }

    @Test
    void aDisabledPluginSaysSo() {
        String table = PluginsCommand.table(List.of(new PluginInfo("cpu-affinity", 36, 12,
                "org.jobshell.plugin.cpuaffinity", "0.1.0", false, true, null, List.of("shell.init"), null, true)),
                List.of());
        assertEquals(String.join("\n",
                "NAME          RANKING  STATE     BUNDLE                           VERSION  TOPICS",
                "cpu-affinity  36       disabled  org.jobshell.plugin.cpuaffinity  0.1.0    shell.init",
                ""), table);
    }
}
