package org.jobshell.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jobshell.api.ShellException;
import org.jobshell.launch.Caller;
import org.jobshell.launch.Session;

/**
 * One command line of one caller: {@code run}, {@code submit}, {@code attach}, {@code jobs},
 * {@code kill}, {@code eventlog}, {@code plugins}, {@code help}, {@code --version}. Signals go to
 * what this session runs (its job, or an attach it stops).
 */
final class CliSession implements Session {

    private final CliServices services;
    private final Caller caller;
    private final RunCommand runCommand;
    private final JobLocator locator;
    private volatile Runnable onSignal = () -> { };

    CliSession(CliServices services, Caller caller) {
        this.services = services;
        this.caller = caller;
        this.runCommand = new RunCommand(services.jobs(), services.inventory(), services.mapper(), caller);
        this.locator = new JobLocator(services, caller);
    }

    @Override
    public int run(List<String> args, InputStream in, OutputStream out, OutputStream err) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            return dispatch(args, in, out, err, stdout, stderr);
        } catch (UsageException | ShellException e) {
            stderr.println("jobshell: error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            stderr.println("jobshell: error: internal error: " + e);
            return 1;
        }
    }

    private int dispatch(List<String> args, InputStream in, OutputStream out, OutputStream err, PrintStream stdout,
            PrintStream stderr) throws Exception {
        if (args.isEmpty()) {
            stderr.print(Help.MAIN);
            return 1;
        }
        List<String> rest = args.subList(1, args.size());
        if (Help.asked(rest) && !args.get(0).equals("run")) {
            stdout.print(Help.of(args.get(0)));
            return 0;
        }
        switch (args.get(0)) {
            case "run":
                return runCommand.run(rest, in, out, err, stdout, stderr);
            case "submit":
                return new SubmitCommand(services, runCommand, caller).run(rest, stdout);
            case "attach":
                AttachCommand attach = new AttachCommand(locator, services.mapper());
                onSignal = attach::stop;
                return attach.run(rest, out, err);
            case "jobs":
                return new JobsCommand(services, caller).run(rest, stdout);
            case "kill":
                return new KillCommand(locator).run(rest);
            case "eventlog":
                return new EventlogCommand(locator).run(rest, out);
            case "plugins":
                return new PluginsCommand(services).run(rest, stdout, stderr);
            case "disable":
            case "enable":
                return new SwitchCommand(services, caller).run(args.get(0), rest, stdout);
            case "topics":
                return new TopicsCommand(services).run(rest, stdout);
            case "call":
                return new CallCommand(locator, services.mapper()).run(rest, stdout);
            case "job":
                return new JobCommand(locator, services.mapper()).run(rest, stdout);
            case "events":
                throw new UsageException("events: no daemon answers: the events are the daemon's (start one with"
                        + " 'jobshell daemon --detach')");
            case "console":
                return new ConsoleCommand(services).run(rest, in, stdout, stderr);
            case "help":
            case "-h":
            case "--help":
                stdout.print(rest.isEmpty() ? Help.MAIN : Help.of(rest.get(0)));
                return 0;
            case "--version":
            case "version":
                stdout.println("jobshell " + services.version());
                return 0;
            default:
                throw new UsageException("unknown command '" + args.get(0) + "' (see jobshell --help)");
        }
    }

    @Override
    public void signal(int signal) {
        runCommand.signal(signal);
        onSignal.run();
    }
}
