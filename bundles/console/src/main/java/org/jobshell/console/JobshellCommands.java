package org.jobshell.console;

import org.apache.felix.service.command.Descriptor;
import org.jobshell.launch.Command;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The console's commands of scope {@code jobshell}: what the command line of the same name shows,
 * for the admin at the console ({@code jobshell:plugins}, {@code jobshell:jobs}, ...). Gogo finds
 * them through the service properties; this class needs Gogo only for its {@code @Descriptor} help.
 */
@Component(service = JobshellCommands.class, property = {"osgi.command.scope=jobshell",
    "osgi.command.function=plugins", "osgi.command.function=topics", "osgi.command.function=jobs",
    "osgi.command.function=job", "osgi.command.function=kill", "osgi.command.function=eventlog",
    "osgi.command.function=disable", "osgi.command.function=enable"})
public final class JobshellCommands {

    private final CliCapture cli;

    /** @param command the command line */
    @Activate
    public JobshellCommands(@Reference Command command) {
        this.cli = new CliCapture(command);
    }

    /** @return the plugins table */
    @Descriptor("list the plugins the next job gets, in load order: name, ranking, state (active, shadowed,"
            + " failed), bundle and version, topics, optional")
    public String plugins() {
        return cli.run("plugins");
    }

    /**
     * @param format {@code --json}
     * @return the plugins as JSON
     */
    @Descriptor("list the plugins as JSON")
    public String plugins(@Descriptor("--json") String format) {
        return cli.run("plugins", format);
    }

    /** @return each topic glob with its handlers */
    @Descriptor("list each topic the active plugins handle, with its handlers in call order (ranking, then"
            + " jobshell.plugin.after/before)")
    public String topics() {
        return cli.run("topics");
    }

    /**
     * @param name a plugin name
     * @return what changed
     */
    @Descriptor("switch a plugin off for the next jobs and the container's stack; kept across restarts"
            + " (etc/org.jobshell.plugins.cfg)")
    public String disable(@Descriptor("the plugin name, e.g. cpu-affinity") String name) {
        return cli.run("disable", name);
    }

    /**
     * @param name a plugin name
     * @return what changed
     */
    @Descriptor("switch a disabled plugin on again for the next jobs")
    public String enable(@Descriptor("the plugin name") String name) {
        return cli.run("enable", name);
    }

    /** @return the jobs table */
    @Descriptor("list the jobs of this container: id, owner, state, ntasks, start, exit code, command")
    public String jobs() {
        return cli.run("jobs");
    }

    /**
     * @param id a job id
     * @return its details
     */
    @Descriptor("show one job: owner, state, tasks, command, start, exit code, directory")
    public String job(@Descriptor("the job id, e.g. f2dJbKpaE3") String id) {
        return cli.run("job", id);
    }

    /**
     * @param id a job id
     * @return nothing on success
     */
    @Descriptor("send SIGTERM to every running task of a job")
    public String kill(@Descriptor("the job id") String id) {
        return cli.run("kill", id);
    }

    /**
     * @param signal a signal name or number
     * @param id a job id
     * @return nothing on success
     */
    @Descriptor("send a signal to every running task of a job")
    public String kill(@Descriptor("the signal: a name such as TERM or USR1, or a number") String signal,
            @Descriptor("the job id") String id) {
        return cli.run("kill", "-s", signal, id);
    }

    /**
     * @param id a job id
     * @return its exec eventlog
     */
    @Descriptor("print a job's exec eventlog")
    public String eventlog(@Descriptor("the job id") String id) {
        return cli.run("eventlog", id);
    }

    /**
     * @param id a job id
     * @param name {@code exec} or {@code output}
     * @return that eventlog
     */
    @Descriptor("print a job's exec or output eventlog")
    public String eventlog(@Descriptor("the job id") String id, @Descriptor("exec or output") String name) {
        return cli.run("eventlog", id, name);
    }
}
