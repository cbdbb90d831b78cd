package org.jobshell.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jobshell.api.ShellException;
import org.jobshell.api.admin.JobService;
import org.jobshell.api.admin.PluginInventory;
import org.jobshell.launch.Command;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The jobshell command line: {@code run}, {@code plugins}, {@code help}, {@code --version}. Errors a
 * user can fix are one line {@code jobshell: error: ...} and exit code 1, never a stack trace.
 */
@Component
public final class JobshellCommand implements Command {

    private final ObjectMapper mapper = new ObjectMapper();
    private final RunCommand runCommand;
    private final PluginsCommand pluginsCommand;

    /**
     * @param jobs runs jobs
     * @param inventory lists plugins
     */
    @Activate
    public JobshellCommand(@Reference JobService jobs, @Reference PluginInventory inventory) {
        this.runCommand = new RunCommand(jobs, inventory, mapper);
        this.pluginsCommand = new PluginsCommand(inventory, mapper);
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
        switch (args.get(0)) {
            case "run":
                return runCommand.run(rest, in, out, err, stdout, stderr);
            case "plugins":
                return pluginsCommand.run(rest, stdout, stderr);
            case "help":
            case "-h":
            case "--help":
                stdout.print(rest.isEmpty() ? Help.MAIN : helpFor(rest.get(0)));
                return 0;
            case "--version":
            case "version":
                stdout.println("jobshell " + FrameworkUtil.getBundle(getClass()).getVersion());
                return 0;
            default:
                throw new UsageException("unknown command '" + args.get(0) + "' (see jobshell --help)");
        }
    }

    private static String helpFor(String command) {
        switch (command) {
            case "run":
                return Help.RUN;
            case "plugins":
                return Help.PLUGINS;
            default:
                throw new UsageException("help: unknown command '" + command + "'");
        }
    }

    @Override
    public void signal(int signal) {
        runCommand.signal(signal);
    }
}
