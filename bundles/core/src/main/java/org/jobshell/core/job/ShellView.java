package org.jobshell.core.job;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The shell as one plugin sees it: everything delegates to the shell, logs carry the plugin's name. */
final class ShellView implements Shell {

    private final ShellRun shell;
    private final ShellLog log;

    ShellView(ShellRun shell, String component) {
        this.shell = shell;
        this.log = new ShellLog() {
            @Override
            public void log(LogLevel level, String message) {
                shell.logger().log(component, level, message);
            }

            @Override
            public boolean enabled(LogLevel level) {
                return shell.logger().enabled(level);
            }
        };
    }

    @Override
    public ShellInfo info() {
        return shell.info();
    }

    @Override
    public RankInfo rankInfo(int shellRank) {
        return shell.job().rankInfo(shellRank < 0 ? shell.rank() : shellRank);
    }

    @Override
    public Options options() {
        return shell.options();
    }

    @Override
    public Environment environment() {
        return shell.environment();
    }

    @Override
    public List<Task> tasks() {
        return shell.tasks();
    }

    @Override
    public Task currentTask() {
        return shell.currentTask();
    }

    @Override
    public ShellLog log() {
        return log;
    }

    @Override
    public boolean call(String topic, Args args) {
        return shell.callCustom(topic, args);
    }

    @Override
    public RuntimeException die(int exitCode, String message) {
        throw shell.fatal(Math.max(1, exitCode), message);
    }

    @Override
    public void killAll(int signal) {
        shell.killAll(signal);
    }

    @Override
    public void addEventContext(String event, String key, JsonNode value) {
        shell.services().addEventContext(event, key, value);
    }

    @Override
    public Eventlog eventlog(String name) {
        shell.requireLeader("eventlogs");
        return shell.job().eventlog(name);
    }

    @Override
    public OutputStream terminal(TaskStream stream) {
        shell.requireLeader("the terminal");
        return shell.job().terminal().stream(stream);
    }

    @Override
    public void holdCompletion(String name) {
        shell.loop().hold(name);
    }

    @Override
    public void releaseCompletion(String name) {
        shell.loop().release(name);
    }

    @Override
    public void execute(Runnable action) {
        shell.loop().execute(action);
    }

    @Override
    public void register(String method, ServiceMethod handler) {
        shell.services().register(method, handler);
    }

    @Override
    public CompletionStage<JsonNode> rpc(int shellRank, String method, JsonNode request) {
        return shell.job().exchange().rpc(shell.rank(), shellRank, method, request);
    }

    @Override
    public List<String> plugins() {
        return shell.stack().names();
    }

    @Override
    public String toString() {
        return "shell " + shell.rank() + " of job " + shell.info().jobIdString();
    }
}
