package org.jobshell.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signals reach real process trees: every descendant, any signal, and gone processes are no trouble. */
class SignalsTest {

    private static final int USR1 = 10;

    /** Three levels of sh: the deepest prints its pid, then becomes a long sleep. */
    private static final String TREE = "if [ \"$1\" -gt 0 ]; then sh \"$0\" $(($1 - 1)) & wait; "
            + "else echo $$; exec sleep 600; fi\n";

    /** Traps USR1 (prints it, exits 3), starts a sleep child, prints its pid and waits. */
    private static final String TRAPPER = "trap 'echo got USR1; exit 3' USR1; sleep 600 & echo $!; wait\n";

    @TempDir
    Path dir;

    /** Every process a test started or learned of, killed after it whatever happened. */
    private final List<Long> pids = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void sendToTreesReachesGrandchildren() throws Exception {
        Process root = sh(TREE, "2");
        BufferedReader out = reader(root);
        long grandchild = learn(out.readLine()); // printed last: the whole tree exists
        long child = ProcessHandle.of(grandchild).flatMap(ProcessHandle::parent).orElseThrow().pid();
        pids.add(child);
        assertEquals(root.pid(), ProcessHandle.of(child).flatMap(ProcessHandle::parent).orElseThrow().pid(),
                "a tree of three levels");

        Signals.sendToTrees(List.of(root.pid()), Signals.TERM);
        // the root's own status depends on whether its TERM or its child's end comes first: what
        // counts is that every level ends (the grandchild would sleep 600 s otherwise)
        assertTrue(root.waitFor(60, TimeUnit.SECONDS), "the root shell is still running");
        awaitGone(child);
        awaitGone(grandchild);
    }

    @Test
    void aSignalOtherThanTermOrKillIsDeliveredAsItself() throws Exception {
        Process trapper = sh(TRAPPER);
        BufferedReader out = reader(trapper);
        long sleeper = learn(out.readLine()); // printed after the trap was set
        awaitExec(sleeper, "sleep");

        Signals.sendToTrees(List.of(trapper.pid()), USR1);
        assertEquals("got USR1", out.readLine(), "the shell's USR1 trap ran");
        assertEquals(3, trapper.waitFor());
        awaitGone(sleeper); // USR1 ends a sleep that does not trap it
    }

    @Test
    void goneProcessesAreHarmlessAndDoNotStopTheOthersGettingTheSignal() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        long gone = done.pid();
        Signals.send(List.of(gone), Signals.TERM);
        Signals.sendToTrees(List.of(gone), Signals.KILL);

        Process trapper = sh(TRAPPER);
        BufferedReader out = reader(trapper);
        long sleeper = learn(out.readLine());
        awaitExec(sleeper, "sleep");
        Signals.send(List.of(gone, trapper.pid()), USR1);
        assertEquals("got USR1", out.readLine());
        assertEquals(3, trapper.waitFor());
        Signals.sendToTrees(List.of(gone, sleeper), USR1);
        awaitGone(sleeper);
    }

    @Test
    void theTasksGetTheSignalBeforeWhatTheyStarted() {
        // sent child first, a shell's wait could return (its child died) and the shell exit before its trap
        Map<Long, List<Long>> children = Map.of(1000L, List.of(5L, 7L), 5L, List.of(3L), 2000L, List.of(1L));
        assertEquals(List.of(1000L, 2000L, 5L, 7L, 1L, 3L),
                List.copyOf(Signals.treeOrder(List.of(1000L, 2000L), children)));
    }

    /**
     * @return the pid a script printed, once that process runs its command: a child of {@code sh} that
     *     has not exec'd yet still has the parent's traps, and would swallow a signal sent too early
     */
    private long learn(String pidLine) throws Exception {
        long pid = Long.parseLong(pidLine.trim());
        pids.add(pid);
        Path comm = Path.of("/proc/" + pid + "/comm");
        for (int i = 0; i < 6000 && Files.exists(comm) && !Files.readString(comm).trim().equals("sleep"); i++) {
            Thread.sleep(10);
        }
        return pid;
    }

    private Process sh(String script, String... args) throws IOException {
        Path file = Files.writeString(dir.resolve("script" + pids.size() + ".sh"), script);
        List<String> cmd = new ArrayList<>(List.of("sh", file.toString()));
        cmd.addAll(List.of(args));
        // not the test JVM's stderr: a leftover holding it would keep the build waiting
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        pids.add(p.pid());
        return p;
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Waits until the forked child of a shell has exec'd {@code command}. Before that it is still a copy
     * of the shell, with the shell's USR1 trap: dash's handler would take the signal and the exec would
     * forget it, leaving the sleep running (a race of the test, not of the code under test).
     */
    private static void awaitExec(long pid, String command) throws Exception {
        for (int i = 0; i < 6000; i++) {
            List<String> comm = Files.readAllLines(Path.of("/proc/" + pid + "/comm"));
            if (!comm.isEmpty() && comm.get(0).equals(command)) {
                return;
            }
            Thread.sleep(10);
        }
        fail("process " + pid + " never became " + command);
    }

    /**
     * Waits until a process that is not this JVM's child has ended: it is gone from /proc, or a
     * zombie its parent has not reaped yet. Fails after a minute, far beyond what a kill takes.
     */
    private static void awaitGone(long pid) throws Exception {
        for (int i = 0; i < 6000; i++) {
            if (gone(pid)) {
                return;
            }
            Thread.sleep(10);
        }
        fail("process " + pid + " is still running");
    }

    private static boolean gone(long pid) throws IOException {
        String stat;
        try {
            // readAllLines, not readString: on some kernels procfs sizes make readString stop early
            stat = Files.readAllLines(Path.of("/proc/" + pid + "/stat")).get(0);
        } catch (NoSuchFileException e) {
            return true;
        }
        char state = stat.charAt(stat.lastIndexOf(')') + 2); // "pid (comm) S ..."
        return state == 'Z' || state == 'X';
    }
}
