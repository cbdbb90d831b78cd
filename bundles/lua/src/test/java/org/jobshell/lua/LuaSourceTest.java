package org.jobshell.lua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jobshell.api.Args;
import org.jobshell.core.spi.PluginListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rc chain, plugin.register and plugin.load, Lua handlers and what the Lua source lists. */
class LuaSourceTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    /** Runs {@code initrc} as the system initrc for a one-shell job whose cwd is the test's directory. */
    private TestStack contribute(String initrc) throws IOException {
        TestStack stack = new TestStack(dir, Map.of("HOME", dir.toString()));
        new LuaSource(new LuaSettings(write("initrc.lua", initrc), null)).contribute(stack);
        return stack;
    }

    @Test
    void aJobWithoutAnRcFileGetsNoLuaAndNoPlugins() {
        TestStack stack = new TestStack(dir, Map.of());
        new LuaSource(new LuaSettings(dir.resolve("absent.lua"), null)).contribute(stack);
        assertEquals(List.of(), stack.plugins);
        assertEquals(List.of(), stack.log);
    }

    @Test
    void theSearchPathIsLoadedLastDirectoryFirstSoTheFirstDirectoryWins() throws IOException {
        for (String d : List.of("A", "B", "C")) {
            write(d + "/test.lua", "plugin.register { name = 'test', handlers = { { topic = 'test.run', "
                    + "fn = function(topic, args) args.out.result = '" + d + "' end } } }\n");
        }
        TestStack stack = contribute("plugin.searchpath = 'A:B:C'\nplugin.load '*.lua'\n");
        assertEquals(1, stack.plugins.size());
        assertEquals("Lua file A/test.lua", stack.plugins.get(0).origin().describe());
        Args args = new Args();
        assertEquals(List.of(), stack.call("test.run", args));
        assertEquals(TextNode.valueOf("A"), args.out().get("result"));

        TestStack explicit = contribute("plugin.searchpath = 'A:B:C'\nplugin.load './C/*.lua'\n");
        assertEquals("Lua file ./C/test.lua", explicit.plugins.get(0).origin().describe());
    }

    @Test
    void aLuaHandlerReadsInArgsAndWritesOutArgsForLaterPlugins() throws IOException {
        TestStack stack = contribute("plugin.register { name = 'p1', handlers = { { topic = 'q', fn = function(t, a)\n"
                + "  a.out.result = 'first ' .. a['in'].x; a.out.list = { 1, 2 } end } } }\n"
                + "plugin.register { name = 'p2', handlers = { { topic = 'q', fn = function(t, a)\n"
                + "  a.out.result = a.out.result .. ', then p2'; a.out.list = nil end } } }\n");
        Args args = new Args(JsonNodeFactory.instance.objectNode().put("x", 42));
        assertEquals(List.of(), stack.call("q", args));
        assertEquals("{\"result\":\"first 42, then p2\"}", args.out().toString());
    }

    @Test
    void aHandlerFailsWhenItReturnsFalseOrNilOrRaises() throws IOException {
        TestStack stack = contribute("plugin.register { name = 'none', handlers = { { topic = 't', fn = function() end } } }\n"
                + "plugin.register { name = 'yes', handlers = { { topic = 't', fn = function() return 1 end } } }\n"
                + "plugin.register { name = 'nil', handlers = { { topic = 't', fn = function() return nil end } } }\n"
                + "plugin.register { name = 'false', handlers = { { topic = 't', fn = function() return false end } } }\n"
                + "plugin.register { name = 'raise', handlers = { { topic = 't', fn = function()\n"
                + "  local x = nil\n  return x.y end } } }\n");
        String rc = dir.resolve("initrc.lua").toString();
        assertEquals(List.of("nil: the function of " + rc + ":3 returned nil",
                "false: the function of " + rc + ":4 returned false",
                "raise: " + rc + ":7: attempt to index ? (a nil value)"), stack.call("t", new Args()));
    }

    @Test
    void anonymousPluginsAreNamedByTheirFileAndReplaceEachOther() throws IOException {
        TestStack stack = contribute("plugin.register { handlers = { { topic = 'a', fn = function() end } } }\n"
                + "plugin.register { handlers = { { topic = 'b', fn = function() end } } }\n");
        assertEquals(List.of(dir.resolve("initrc.lua").toString()), stack.names());
        assertEquals(List.of("b"), stack.plugins.get(0).globs());
    }

    @Test
    void shellDieInsideAPcallStillFailsTheJob() {
        TestStack.Died died = assertThrows(TestStack.Died.class,
                () -> contribute("pcall(shell.die, 'no way')\nshell.log('not reached')\n"));
        assertEquals("no way", died.getMessage());
    }

    @Test
    void osExitCannotEndTheContainer() {
        TestStack.Died died = assertThrows(TestStack.Died.class, () -> contribute("\nos.exit(3)\n"));
        assertTrue(died.getMessage().matches("loading rc file .*initrc\\.lua:2: os\\.exit would end every job .*"),
                died.getMessage());
    }

    @Test
    void registeringAfterTheRcFilesRanIsRefused() throws IOException {
        TestStack stack = contribute("plugin.register { name = 'late', handlers = { { topic = 'shell.init', "
                + "fn = function() plugin.register { handlers = { { topic = '*', fn = print } } } end } } }\n");
        List<String> failures = stack.call("shell.init", new Args());
        assertEquals(List.of("late: " + dir.resolve("initrc.lua") + ":1: plugin.register: plugins can only be registered while the rc files "
                + "run"), failures);
    }

    @Test
    void optionsSetInTheRcAreTheShellsOptions() throws IOException {
        TestStack stack = contribute("shell.options.taskmap = { scheme = 'cyclic', value = 2 }\n"
                + "shell.options.list = { 'a', 'b' }\nshell.options.empty = {}\n");
        assertEquals("{\"scheme\":\"cyclic\",\"value\":2}", stack.options.get("taskmap").toString());
        assertEquals("[\"a\",\"b\"]", stack.options.get("list").toString());
        assertEquals("{}", stack.options.get("empty").toString());
        TestStack.Died died = assertThrows(TestStack.Died.class, () -> contribute("shell.options.f = print\n"));
        assertEquals("loading rc file " + dir.resolve("initrc.lua") + ":1: shell.options.f: a function cannot be "
                + "converted to JSON", died.getMessage());
    }

    @Test
    void theHelpersOfTheReferencesShellModule() throws IOException {
        TestStack stack = contribute("shell.prepend_path('P', '/a')\nshell.prepend_path('P', '/b')\n"
                + "shell.prepend_path('P', '/a')\nshell.setenv('SLURM_X', '1')\nshell.setenv('SLURM_Y', '2')\n"
                + "shell.env_strip('^SLURM_')\nshell.options.mpi = 'mpich@4.0'\n"
                + "local n, v = shell.getopt_with_version('mpi')\nshell.log(n .. ' ' .. v)\n");
        assertEquals("/b:/a", stack.environment.get("P"));
        assertEquals(null, stack.environment.get("SLURM_X"));
        assertEquals(List.of("DEBUG: Loading " + dir.resolve("initrc.lua"), "mpich 4.0"), stack.log);
    }

    @Test
    void theListingNamesEachPluginsFileAndTopicsTheLastNameWinning() throws IOException {
        write("lua.d/a.lua", "plugin.register { name = 'x', handlers = { { topic = 'shell.init', fn = print } } }\n");
        write("lua.d/b.lua", "plugin.register { name = 'x', handlers = { { topic = 'task.*', fn = print },\n"
                + "  { topic = 'task.exit', fn = print } } }\n");
        Path initrc = write("initrc.lua", "shell.source_rcpath('*.lua')\n");
        List<PluginListing> listed = new LuaSource(new LuaSettings(initrc, null)).listing();
        assertEquals(List.of(new PluginListing("x", "Lua file " + dir.resolve("lua.d/b.lua"), false,
                List.of("task.*", "task.exit"))), listed);
    }
}
