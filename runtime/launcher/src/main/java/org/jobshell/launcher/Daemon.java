package org.jobshell.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code jobshell daemon [--detach]}: the long-lived container. In the foreground it runs until
 * SIGTERM, SIGINT or SIGHUP, writing its pid to {@code <run dir>/jobshell.pid}; on the signal it
 * stops accepting clients, lets running jobs end for {@code jobshell.daemon.stop.grace.ms} and kills
 * what still runs, then exits 0. {@code --detach} starts it in a new session, its output in
 * {@code var/log/daemon.log}, and returns once its socket answers.
 */
final class Daemon {

    private static final long DETACH_WAIT_MILLIS = 60_000;

    private Daemon() {
    }

    static int run(Path home, List<String> args, PrintStream errors) throws LauncherException {
        boolean detach = false;
        for (String a : args) {
            if (a.equals("--detach") || a.equals("-d")) {
                detach = true;
            } else if (a.equals("-h") || a.equals("--help")) {
                System.out.print(String.join("\n", "usage: jobshell daemon [--detach]", "",
                        "Runs the long-lived container: plugins/ and etc/*.cfg are deployed as they change, clients",
                        "talk to it on var/run/jobshell.sock. In the foreground until SIGTERM; --detach returns once",
                        "the socket answers (log: var/log/daemon.log, pid: var/run/jobshell.pid).", ""));
                return 0;
            } else {
                throw new LauncherException("daemon: unknown argument '" + a + "' (see jobshell daemon --help)");
            }
        }
        Layout layout = Layout.of(home, SiteSettings.read(home, new PrintStream(PrintStream.nullOutputStream())));
        return detach ? detach(home, layout, errors) : foreground(home, layout, errors);
    }

    private static int foreground(Path home, Layout layout, PrintStream errors) throws LauncherException {
        if (Client.answers(layout.socket())) {
            throw new LauncherException("a daemon already answers on " + layout.socket());
        }
        privateDirectory(layout.run());
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            Signal.handle(new Signal(name), s -> stop.countDown());
        }
        try (Container container = Container.startDaemon(home, errors)) {
            if (!Files.exists(layout.socket())) {
                throw new LauncherException("the daemon did not open its socket " + layout.socket()
                        + ": see the messages above");
            }
            writePid(layout.pidFile());
            errors.println("jobshell daemon: pid " + ProcessHandle.current().pid() + ", socket " + layout.socket());
            stop.await();
            errors.println("jobshell daemon: stopping");
            container.stopFirst("org.jobshell.daemon"); // no more clients; running jobs end, plugins all there
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(layout.pidFile());
            } catch (IOException e) {
                // left behind: the next daemon overwrites it
            }
        }
        errors.println("jobshell daemon: stopped");
        return 0;
    }

    /** The run directory, 0700: checked here, so that a problem is one line rather than a component's failure. */
    private static void privateDirectory(Path dir) throws LauncherException {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (!Files.isWritable(dir)) {
                throw new LauncherException("cannot use the run directory " + dir + ": Permission denied");
            }
        } catch (AccessDeniedException e) {
            throw new LauncherException("cannot use the run directory " + dir + ": Permission denied");
        } catch (IOException e) {
            throw new LauncherException("cannot use the run directory " + dir + ": " + e.getMessage());
        }
    }

    /** Written to a temporary file, then renamed: a reader never sees it empty or half-written. */
    private static void writePid(Path pidFile) throws LauncherException {
        try {
            Path next = Files.writeString(pidFile.resolveSibling(pidFile.getFileName() + ".new"),
                    ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            Files.move(next, pidFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LauncherException("cannot write " + pidFile + ": " + e.getMessage());
        }
    }

    private static int detach(Path home, Layout layout, PrintStream errors) throws LauncherException {
        Path log = layout.log();
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new LauncherException("cannot create " + log.getParent() + ": " + e.getMessage());
        }
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute() || new File("/bin/setsid").canExecute()) {
            cmd.add("setsid"); // a session of its own: the terminal's hangup and Ctrl-C do not reach it
        }
        cmd.add(home.resolve("bin/jobshell").toString());
        cmd.add("daemon");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new LauncherException("cannot start the daemon: " + e.getMessage());
        }
        long deadline = System.currentTimeMillis() + DETACH_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (Client.answers(layout.socket()) && Files.exists(layout.pidFile())) {
                errors.println("jobshell daemon: started, pid " + readPid(layout.pidFile()) + ", socket "
                        + layout.socket() + ", log " + log);
                return 0;
            }
            if (!p.isAlive()) {
                throw new LauncherException("the daemon exited with " + p.exitValue() + " before its socket answered:"
                        + " see " + log);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new LauncherException("the daemon's socket did not answer within " + DETACH_WAIT_MILLIS / 1000
                + " s: see " + log);
    }

    private static String readPid(Path pidFile) {
        try {
            return Files.readString(pidFile).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
