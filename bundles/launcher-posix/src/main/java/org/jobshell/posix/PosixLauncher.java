package org.jobshell.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.Channel;
import java.util.List;
import org.jobshell.core.spi.SpawnException;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.SpawnSupport;
import org.jobshell.core.spi.Spawned;
import org.jobshell.core.spi.TaskLauncher;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Starts tasks with one {@code posix_spawn(3)} call each, through the Foreign Function API
 * ({@link SpawnCall}), and serves all of them from one thread ({@link TaskLoop}).
 *
 * <ul>
 *   <li>Each task leads its own process group: {@link #signal} signals the group, so what a task
 *       started gets the signal too (unless it left the group, with {@code setsid}).</li>
 *   <li>The exit status is exact: exited with a code, or killed by a signal, and whether it dumped
 *       core ({@code waitid(P_PIDFD)}).</li>
 *   <li>A task gets exactly descriptors 0-2 and the inherited ones, of any kind (pipe, file, socket),
 *       at their numbers.</li>
 *   <li>The CPU set is applied by the spawning thread's own affinity, without an exec.</li>
 * </ul>
 *
 * <p>Ranked 10, above the core's ProcessBuilder launcher (0), for jobs of at least
 * {@value #COLD_MIN_TASKS} tasks unless configured otherwise. Its bundle requires Java 22: on an older
 * JDK it does not resolve and jobs use ProcessBuilder. The native handles and the I/O thread are made
 * at the first task, not when the bundle starts.
 */
@Component(service = TaskLauncher.class, property = {"service.ranking:Integer=10",
    TaskLauncher.NAME + "=" + PosixLauncher.NAME, TaskLauncher.MIN_TASKS + ":Integer=" + PosixLauncher.COLD_MIN_TASKS})
public final class PosixLauncher implements TaskLauncher, AutoCloseable {

    /** This launcher's {@value TaskLauncher#NAME}. */
    public static final String NAME = "posix";

    /**
     * In a fresh JVM the native linker and the downcall handles cost about 0.15-0.35 s of CPU, which a
     * small job never wins back: by ranking, jobs of fewer tasks keep ProcessBuilder
     * (docs/BENCHMARKS.md). A warm container (the daemon) configures {@value TaskLauncher#MIN_TASKS}=0
     * through this component's configuration, PID {@code org.jobshell.posix.PosixLauncher}.
     */
    static final int COLD_MIN_TASKS = 256;

    private static final int ESRCH = 3;

    private TaskLoop loop;
    private boolean closed;

    @Override
    public Spawned spawn(SpawnRequest request) throws SpawnException {
        return SpawnCall.spawn(request, loop());
    }

    private synchronized TaskLoop loop() throws SpawnException {
        if (closed) {
            throw new SpawnException(0, "the posix launcher has stopped");
        }
        if (loop == null) {
            try {
                loop = new TaskLoop();
            } catch (IllegalStateException | UnsatisfiedLinkError e) {
                throw new SpawnException(0, "the posix launcher cannot start: " + e.getMessage());
            }
        }
        return loop;
    }

    @Override
    public void checkInheritable(Channel channel) {
        try {
            SpawnSupport.descriptor(channel, 3);
        } catch (SpawnException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @Override
    public void signal(List<? extends Spawned> processes, int signal) {
        if (signal <= 0 || processes.isEmpty()) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(Native.CAPTURED);
            for (Spawned p : processes) {
                int pid = (int) p.pid();
                if (Proc.kill(errno, -pid, signal) != 0 && Native.errno(errno) == ESRCH) {
                    Proc.kill(errno, pid, signal); // the group is gone, the process may not be
                }
            }
        }
    }

    /** @return how many descriptors the I/O thread serves: 3 per live task */
    int watched() {
        TaskLoop l;
        synchronized (this) {
            l = loop;
        }
        return l == null ? 0 : l.watched();
    }

    /** Stops the I/O thread. */
    @Deactivate
    @Override
    public synchronized void close() {
        closed = true;
        if (loop != null) {
            loop.close();
        }
    }
}
