package org.jobshell.launcher;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.jobshell.launch.Command;
import sun.misc.Signal;

/**
 * The entry point of {@code bin/jobshell}: starts the container from the distribution
 * ({@code system/}, then {@code plugins/}), passes the command line to the {@link Command} service
 * and exits with its code. SIGINT, SIGTERM and SIGHUP (which cancel the job), and SIGUSR1, SIGUSR2,
 * SIGCONT, SIGWINCH and SIGALRM (which go to the job's tasks) are handed to the command instead of
 * stopping the JVM. SIGQUIT stays the JVM's (a thread dump): taking it would need {@code -Xrs}, which
 * also takes INT, TERM and HUP away.
 */
public final class Main {

    private static final long COMMAND_WAIT_MILLIS = 10_000;

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
        int code;
        try (Container container = Container.start(Path.of(home), errors)) {
            // however the JVM ends, stop the container: the core kills the tasks of running jobs
            Runtime.getRuntime().addShutdownHook(new Thread(container::close, "jobshell-shutdown"));
            Command command = container.command(COMMAND_WAIT_MILLIS);
            forwardSignals(command);
            code = command.run(Arrays.asList(args), new FileInputStream(FileDescriptor.in), out, err);
        } catch (LauncherException e) {
            errors.println("jobshell: error: " + e.getMessage());
            code = 1;
        }
        errors.flush();
        System.exit(code);
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
        for (String name : new String[] {"INT", "TERM", "HUP", "USR1", "USR2", "CONT", "WINCH", "ALRM"}) {
            Signal signal = new Signal(name);
            Signal.handle(signal, s -> command.signal(s.getNumber()));
        }
    }
}
