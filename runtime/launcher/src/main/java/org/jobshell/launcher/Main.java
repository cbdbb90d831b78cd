package org.jobshell.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jobshell.launch.Command;
import sun.misc.Signal;

/**
 * The entry point of {@code bin/jobshell}. {@code daemon} runs the long-lived container
 * ({@link Daemon}). Any other command goes to the daemon when one answers on its socket
 * ({@link Client}: no framework starts here), unless {@code --local} is given before or right after
 * the command; else this process starts a one-shot container from the distribution ({@code system/},
 * then {@code plugins/}), passes the command line to the {@link Command} service and exits with its
 * code. SIGINT, SIGTERM and SIGHUP (which cancel the job), and SIGUSR1, SIGUSR2, SIGCONT, SIGWINCH
 * and SIGALRM (which go to the job's tasks) are handed to the command instead of stopping the JVM
 * ({@link ForwardedSignals}). SIGQUIT stays the JVM's (a thread dump): taking it would need
 * {@code -Xrs}, which also takes INT, TERM and HUP away.
 */
public final class Main {

    private static final long COMMAND_WAIT_MILLIS = 10_000;
    /** The commands a daemon serves; the others ({@code help}, {@code --version}) run here. */
    private static final Set<String> DAEMON_COMMANDS = Set.of("run", "submit", "attach", "jobs", "kill", "eventlog",
            "plugins", "console", "events", "call", "job", "topics");

    private Main() {
    }

    /**
     * @param args the command line after {@code jobshell}
     */
    public static void main(String[] args) {
        preferFastSpawn();
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        String home = System.getProperty("jobshell.home");
        if (home == null) {
            errors.println("jobshell: error: jobshell.home is not set: start jobshell with bin/jobshell");
            System.exit(1);
        }
        List<String> line = new ArrayList<>(Arrays.asList(args));
        boolean local = local(line);
        String command = line.isEmpty() ? "" : line.get(0);
        if (command.equals("daemon")) {
            try {
                System.exit(Daemon.run(Path.of(home), line.subList(1, line.size()), errors));
            } catch (LauncherException e) {
                errors.println("jobshell: error: " + e.getMessage());
                System.exit(1);
            }
        }
        if (!local && DAEMON_COMMANDS.contains(command)) {
            OptionalInt code = viaDaemon(Path.of(home), line, out, err);
            if (code.isPresent()) {
                errors.flush();
                System.exit(code.getAsInt());
            }
            if (System.getProperty("jobshell.client") != null) {
                // started as a client, without the container's JVM options: one-shot in a JVM that has them
                try {
                    System.exit(Relaunch.local(Path.of(home), line));
                } catch (LauncherException e) {
                    errors.println("jobshell: error: " + e.getMessage());
                    System.exit(1);
                }
            }
        }
        System.exit(embedded(Path.of(home), line, out, err, errors));
    }

    /** Removes {@code --local} given before or right after the command. */
    private static boolean local(List<String> line) {
        for (int i = 0; i < Math.min(2, line.size()); i++) {
            if (line.get(i).equals("--local")) {
                line.remove(i);
                return true;
            }
        }
        return false;
    }

    private static OptionalInt viaDaemon(Path home, List<String> line, OutputStream out, OutputStream err) {
        Map<String, String> site;
        try {
            site = SiteSettings.read(home, new PrintStream(OutputStream.nullOutputStream()));
        } catch (LauncherException e) {
            return OptionalInt.empty(); // the embedded run reports it
        }
        return Client.run(Layout.of(home, site).socket(), line, out, err);
    }

    private static int embedded(Path home, List<String> args, OutputStream out, OutputStream err,
            PrintStream errors) {
        int code;
        try (Container container = Container.start(home, errors)) {
            // however the JVM ends, stop the container: the core kills the tasks of running jobs
            Runtime.getRuntime().addShutdownHook(new Thread(container::close, "jobshell-shutdown"));
            Command command = container.command(COMMAND_WAIT_MILLIS);
            forwardSignals(command);
            code = command.run(args, ForegroundInput.stdin(), out, err);
        } catch (LauncherException e) {
            errors.println("jobshell: error: " + e.getMessage());
            code = 1;
        }
        errors.flush();
        return code;
    }

    /**
     * On JDK 17 to 21, the JDK's VFORK launch mechanism spawns tasks about 1.7x faster than its
     * default (jspawnhelper); JDK 22+ deprecates it and prints a warning, so it is used only before.
     */
    private static void preferFastSpawn() {
        String key = "jdk.lang.Process.launchMechanism";
        if (System.getProperty(key) == null && Runtime.version().feature() < 22) {
            System.setProperty(key, "VFORK");
        }
    }

    private static void forwardSignals(Command command) {
        for (String name : ForwardedSignals.NAMES) {
            Signal signal = new Signal(name);
            Signal.handle(signal, s -> command.signal(s.getNumber()));
        }
    }
}
