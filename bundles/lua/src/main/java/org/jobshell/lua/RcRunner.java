package org.jobshell.lua;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jobshell.api.Shell;
import org.jobshell.core.spi.JobStack;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * The Lua state of one shell and what runs in it: the rc files (the initrc, what it sources, the
 * Lua plugin files it loads), and later the Lua plugins' handlers. It knows which rc file runs now
 * (for anonymous plugin names), which shell the API acts on (the source's while the rc files run,
 * then the view of the plugin whose handler runs), and whether Lua code called {@code shell.die}.
 *
 * <p>Used on the shell's thread only, like everything of one shell's plugins.
 */
final class RcRunner {

    private final Globals globals;
    private final JobStack stack;
    private final LuaSource.Context context;
    private final Deque<String> files = new ArrayDeque<>();
    private Shell shell;
    private boolean rcPhase = true;
    private ObjectNode loadConf;
    private LuaValue loadConfLua = LuaValue.NIL;
    private String searchPath;
    private String rcPath;
    private boolean verbose;
    private RuntimeException dying;

    /**
     * @param stack the shell's stack (a job's, or the listing's)
     * @param context what the Lua source shares with every shell
     */
    RcRunner(JobStack stack, LuaSource.Context context) {
        this.stack = stack;
        this.context = context;
        this.shell = stack.shell();
        this.searchPath = context.settings().searchPath();
        this.verbose = shell.options().getInt("verbose", 0) != 0;
        this.globals = LuaGlobals.create();
        globals.set("plugin", PluginApi.table(this));
        globals.set("shell", ShellApi.table(this));
        globals.set("task", TaskApi.table(this));
        globals.set("source", Lua.fn("source", a -> {
            source(a.checkjstring(1));
            return LuaValue.NONE;
        }));
        globals.set("source_if_exists", Lua.fn("source_if_exists", a -> {
            sourceIfExists(a.checkjstring(1));
            return LuaValue.NONE;
        }));
        globals.set("print", Lua.fn("print", a -> {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= a.narg(); i++) {
                b.append(i > 1 ? "\t" : "").append(a.arg(i).tojstring());
            }
            shell().log().notice(b.toString());
            return LuaValue.NONE;
        }));
    }

    /**
     * Runs the top-level rc file; afterwards no more plugins can be registered.
     *
     * @param display the file as users name it
     * @param path the file
     * @throws RcError when it (or a file it sources or loads) fails
     */
    void runInitrc(String display, Path path) {
        rcPath = path.toAbsolutePath().getParent() == null ? "/" : path.toAbsolutePath().getParent().toString();
        shell.log().debug("Loading " + display);
        try {
            runFile(display, path);
        } finally {
            rcPhase = false;
        }
    }

    /**
     * Runs every rc file a pattern names, in order.
     *
     * @param pattern a glob; relative to the job's working directory
     * @throws RcError when a file fails, or when a pattern without wildcards names no file
     */
    void source(String pattern) {
        var matches = RcFiles.expand(pattern, this);
        if (matches.isEmpty() && !RcFiles.isGlob(pattern)) {
            throw Lua.error("source " + pattern + ": No such file or directory");
        }
        for (RcFiles.Match m : matches) {
            runFile(m.display(), m.path());
        }
    }

    /** @param literal a path, no glob: runs it if it exists */
    void sourceIfExists(String literal) {
        Path p = RcFiles.resolve(literal, this);
        if (Files.exists(p)) {
            runFile(literal, p);
        }
    }

    /**
     * Runs a Lua plugin file: an rc file whose {@code plugin.conf} is {@code conf}, and whose
     * plugins get it as their configuration.
     *
     * @param display the file as users name it
     * @param path the file
     * @param conf its conf, or null
     */
    void runPluginFile(String display, Path path, ObjectNode conf) {
        ObjectNode outerConf = loadConf;
        LuaValue outerLua = loadConfLua;
        loadConf = conf;
        loadConfLua = conf == null ? LuaValue.NIL : LuaJson.toLua(conf);
        try {
            runFile(display, path);
        } finally {
            loadConf = outerConf;
            loadConfLua = outerLua;
        }
    }

    private void runFile(String display, Path path) {
        byte[] text = read(display, path);
        files.push(display);
        try {
            globals.load(new ByteArrayInputStream(text), "@" + display, "t", globals).call();
        } catch (RcError e) {
            throw e;
        } catch (LuaError e) {
            throw dyingOr(new RcError(display, LuaErrors.message(e)));
        } finally {
            files.pop();
        }
        if (dying != null) {
            throw dying; // shell.die inside a pcall: the job is over all the same
        }
    }

    private static byte[] read(String display, Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new RcError(display, display + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new RcError(display, display + ": Permission denied");
        } catch (FileSystemException e) {
            throw new RcError(display, display + ": " + (e.getReason() == null ? "cannot be read" : e.getReason()));
        } catch (IOException e) {
            throw new RcError(display, display + ": " + e.getMessage());
        }
    }

    /**
     * @param error an error raised by Lua code
     * @return the {@code shell.die} in progress if there is one (the job is over), else {@code error}
     */
    RuntimeException dyingOr(RuntimeException error) {
        return dying != null ? dying : error;
    }

    /**
     * {@code shell.die}: fails the job through the current shell and unwinds the Lua code.
     *
     * @param message the fatal message
     * @return the error that unwinds Lua (never returns normally)
     */
    LuaError die(String message) {
        try {
            throw shell.die(1, message);
        } catch (RuntimeException e) {
            dying = e;
        }
        return new LuaError("shell.die: " + message);
    }

    /**
     * Makes {@code s} the shell the Lua API acts on, for a handler call.
     *
     * @param s the plugin's view of the shell
     * @return the shell it replaces, for {@link #leave}
     */
    Shell enter(Shell s) {
        Shell outer = shell;
        shell = s;
        return outer;
    }

    /** @param outer what {@link #enter} returned */
    void leave(Shell outer) {
        shell = outer;
    }

    /** @return the shell the Lua API acts on now */
    Shell shell() {
        return shell;
    }

    /** @return the stack plugins are pushed onto */
    JobStack stack() {
        return stack;
    }

    /** @return what the Lua source shares with every shell */
    LuaSource.Context context() {
        return context;
    }

    /** @return the rc file running now, or null once the rc files have run */
    String currentFile() {
        return files.peek();
    }

    /** @return whether the rc files are running (plugins can only be registered then) */
    boolean inRcPhase() {
        return rcPhase;
    }

    /** @return the conf of the Lua plugin file running now, or null */
    ObjectNode loadConf() {
        return loadConf;
    }

    /** @return the same as a Lua table, or nil */
    LuaValue loadConfLua() {
        return loadConfLua;
    }

    /** @return the plugin search path, or null */
    String searchPath() {
        return searchPath;
    }

    /** @param path the new plugin search path, or null */
    void searchPath(String path) {
        searchPath = path;
    }

    /** @return the directory of the top-level rc file */
    String rcPath() {
        return rcPath;
    }

    /** @return {@code shell.verbose} */
    boolean verbose() {
        return verbose;
    }

    /** @param v the new {@code shell.verbose} */
    void verbose(boolean v) {
        verbose = v;
    }

    /** @return the Lua state */
    Globals globals() {
        return globals;
    }
}
