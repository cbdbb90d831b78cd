package org.jobshell.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;

/**
 * The rare way back from a client JVM to the one-shot path: {@code bin/jobshell} starts a JVM
 * without the container's options when a daemon seems to run (its socket and a live pid); when that
 * daemon then does not answer, this runs {@code bin/jobshell --local ARGS} as a child with this
 * process's standard streams, passes INT, TERM and HUP on to it, and exits with its code.
 */
final class Relaunch {

    private Relaunch() {
    }

    /**
     * @param home the installation
     * @param args the command line
     * @return the child's exit code
     */
    static int local(Path home, List<String> args) throws LauncherException {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/jobshell").toString());
        cmd.add("--local");
        cmd.addAll(args);
        Process child;
        try {
            child = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            throw new LauncherException("cannot start " + cmd.get(0) + ": " + e.getMessage());
        }
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            Signal.handle(new Signal(name), s -> pass(name, child));
        }
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the child decides when it ends
            }
        }
    }

    private static void pass(String signal, Process child) {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(child.pid())).inheritIO().start();
        } catch (IOException e) {
            child.destroy(); // TERM at least
        }
    }
}
