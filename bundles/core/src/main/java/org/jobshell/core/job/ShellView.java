package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jobshell.api.Args;
import org.jobshell.api.Environment;
import org.jobshell.api.Eventlog;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Options;
import org.jobshell.api.RankInfo;
import org.jobshell.api.ServiceMethod;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellInfo;
import org.jobshell.api.ShellLog;
import org.jobshell.api.Task;
import org.jobshell.api.TaskStream;
import org.jobshell.core.stack.AttachedPlugin;

/**
 * The shell as one plugin sees it: everything delegates to the shell's parts; logs carry the
 * plugin's name, and the plugin's actions and service methods run through the same guard as its
 * topic handlers.
 */
final class ShellView implements Shell {

    private final ShellScope scope;
    private final AttachedPlugin plugin;
    private final ShellLog log;

    ShellView(ShellScope scope, AttachedPlugin plugin) {
        this.scope = scope;
        this.plugin = plugin;
        this.log = new ShellLog() {
            @Override
            public void log(LogLevel level, String message) {
                scope.logger().log(plugin.name(), level, message);
            }

            @Override
            public boolean enabled(LogLevel level) {
                return scope.logger().enabled(level);
            }
        };
    }

    @Override
    public ShellInfo info() {
        return scope.info();
    }

    @Override
    public RankInfo rankInfo(int shellRank) {
        return scope.rankInfo(shellRank < 0 ? scope.info().rank() : shellRank);
    }

    @Override
    public Options options() {
        return scope.options();
    }

    @Override
    public Environment environment() {
        return scope.environment();
    }

    @Override
    public List<Task> tasks() {
        return scope.tasks().list();
    }

    @Override
    public Task currentTask() {
        return scope.tasks().current();
    }

    @Override
    public ShellLog log() {
        return log;
    }

    @Override
    public boolean call(String topic, Args args) {
        return scope.topics().call(topic, args).isEmpty();
    }

    @Override
    public RuntimeException die(int exitCode, String message) {
        throw scope.failure().fail(Math.max(1, exitCode), message);
    }

    @Override
    public void killAll(int signal) {
        scope.tasks().killAll(signal);
    }

    @Override
    public void cancel(int signal) {
        scope.shellCancel().cancel(signal);
    }

    @Override
    public void recordLog(LogLevel level, String component, String message) {
        scope.logger().record(component, level, message);
    }

    @Override
    public void addEventContext(String event, String key, JsonNode value) {
        scope.services().addEventContext(event, key, value);
    }

    @Override
    public Eventlog eventlog(String name) {
        return scope.leader("eventlogs").eventlog(name);
    }

    @Override
    public OutputStream terminal(TaskStream stream) {
        return scope.leader("the terminal").terminal(stream);
    }

    @Override
    public InputStream input() {
        return scope.leader("the job's input").input();
    }

    @Override
    public void holdCompletion(String name) {
        scope.loop().hold(name);
    }

    @Override
    public void releaseCompletion(String name) {
        scope.loop().release(name);
    }

    @Override
    public void execute(Runnable action) {
        if (!scope.loop().execute(() -> scope.calls().run(plugin, "execute action", action::run))) {
            log.warn("execute: the shell's main loop has ended; the action is dropped");
        }
    }

    @Override
    public void register(String method, ServiceMethod handler) {
        scope.services().register(method, plugin, handler);
    }

    @Override
    public CompletionStage<JsonNode> rpc(int shellRank, String method, JsonNode request) {
        return scope.exchange().rpc(shellRank, method, request);
    }

    @Override
    public String render(String template) {
        return render(template, scope.tasks().current());
    }

    @Override
    public String render(String template, Task task) {
        return scope.mustache().render(template, task, scope.info().rank());
    }

    @Override
    public boolean rendersPerShell(String template) {
        List<Task> tasks = scope.tasks().list();
        return scope.mustache().perShell(template, tasks.isEmpty() ? null : tasks.get(0), scope.info().rank());
    }

    @Override
    public List<String> plugins() {
        return scope.stack().names();
    }

    @Override
    public String toString() {
        return "shell " + scope.info().rank() + " of job " + scope.info().jobIdString();
    }
}
