package org.jobshell.posix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.Channel;
import java.util.List;
import java.util.Map;
import org.jobshell.core.spi.SpawnException;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.SpawnSupport;

/**
 * One {@code posix_spawn} call for one request, with everything the task gets arranged in it:
 * stdin from the request's channel (opened anew through {@code /proc/self/fd}, so a file is read from
 * its start, as with the ProcessBuilder launcher) or {@code /dev/null}, stdout and stderr on new {@code O_CLOEXEC} pipes, each inherited
 * descriptor at its number (3, 4, ... whatever its kind), every other descriptor closed
 * ({@code addclosefrom_np}), the working directory, a process group of its own, an empty signal mask
 * and every signal's default disposition, and the CPU set ({@link Affinity}).
 */
final class SpawnCall {

    private static final int FIRST_EXTRA = 3;
    private static final short FLAGS = Spawn.SETPGROUP | Spawn.SETSIGMASK | Spawn.SETSIGDEF;

    private final Arena arena;
    private final MemorySegment errno;
    private final MemorySegment actions;
    private final MemorySegment attr;

    private SpawnCall(Arena arena) {
        this.arena = arena;
        this.errno = arena.allocate(Native.CAPTURED);
        this.actions = arena.allocate(Spawn.FILE_ACTIONS_SIZE, 8);
        this.attr = arena.allocate(Spawn.ATTR_SIZE, 8);
    }

    /**
     * @param request what to start
     * @param loop serves the task's output and exit from now on
     * @return the started process
     * @throws SpawnException when it cannot be started
     */
    static PosixProcess spawn(SpawnRequest request, TaskLoop loop) throws SpawnException {
        String file = SpawnSupport.executable(request);
        int[] inherited = descriptors(request.inherited());
        int stdin = request.stdin() == null ? -1 : SpawnSupport.descriptor(request.stdin(), 0);
        try (Arena arena = Arena.ofConfined()) {
            return new SpawnCall(arena).run(request, file, inherited, stdin, loop);
        }
    }

    private static int[] descriptors(List<Channel> channels) throws SpawnException {
        int[] fds = new int[channels.size()];
        for (int i = 0; i < fds.length; i++) {
            fds[i] = SpawnSupport.descriptor(channels.get(i), FIRST_EXTRA + i);
        }
        return fds;
    }

    private PosixProcess run(SpawnRequest request, String file, int[] inherited, int stdin, TaskLoop loop)
            throws SpawnException {
        int[] out = pipe();
        int[] err;
        try {
            err = pipe();
        } catch (SpawnException e) {
            closeAll(out);
            throw e;
        }
        MemorySegment pid = arena.allocate(JAVA_INT);
        int rc;
        try {
            prepare(request, out[1], err[1], inherited, stdin);
            MemorySegment argv = strings(request.argv());
            MemorySegment envp = strings(environment(request.environment()));
            MemorySegment path = arena.allocateFrom(file);
            rc = Affinity.around(arena, request.cpus(), () -> Spawn.spawn(pid, path, actions, attr, argv, envp));
        } catch (IllegalArgumentException e) {
            closeAll(out, err);
            throw new SpawnException(0, e.getMessage());
        } finally {
            Spawn.actionsDestroy(actions);
            Spawn.attrDestroy(attr);
        }
        Io.close(out[1]);
        Io.close(err[1]);
        if (rc != 0) {
            Io.close(out[0]);
            Io.close(err[0]);
            throw new SpawnException(rc, Io.strerror(rc));
        }
        int child = pid.get(JAVA_INT, 0);
        int pidfd = Proc.pidfdOpen(errno, child);
        if (pidfd < 0) {
            int e = Native.errno(errno);
            Proc.kill(errno, -child, 9);
            Io.close(out[0]);
            Io.close(err[0]);
            throw new SpawnException(e, "cannot follow the started task (pidfd_open): " + Io.strerror(e));
        }
        loop.watch(out[0], err[0], pidfd, request.observer());
        return new PosixProcess(child);
    }

    private int[] pipe() throws SpawnException {
        MemorySegment fds = arena.allocate(JAVA_INT, 2);
        if (Io.pipe2(errno, fds, Io.O_CLOEXEC) != 0) {
            int e = Native.errno(errno);
            throw new SpawnException(e, "cannot make a pipe for the task: " + Io.strerror(e));
        }
        return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
    }

    /**
     * The file actions, in order: the inherited descriptors first moved above every number involved
     * (so that placing one never clobbers another's source, stdin's included), stdio, the inherited
     * ones to 3, 4, ..., the working directory, then everything from the first free number up closed.
     */
    private void prepare(SpawnRequest request, int stdout, int stderr, int[] inherited, int stdin) {
        check(Spawn.actionsInit(actions), "posix_spawn_file_actions_init");
        check(Spawn.attrInit(attr), "posix_spawnattr_init");
        int parking = Math.max(Math.max(Math.max(stdout, stderr), stdin), FIRST_EXTRA + inherited.length) + 1;
        for (int fd : inherited) {
            parking = Math.max(parking, fd + 1);
        }
        for (int i = 0; i < inherited.length; i++) {
            check(Spawn.dup2(actions, inherited[i], parking + i), "adddup2");
        }
        String input = stdin < 0 ? "/dev/null" : "/proc/self/fd/" + stdin;
        check(Spawn.open(actions, 0, arena.allocateFrom(input), Io.O_RDONLY, 0), "addopen");
        check(Spawn.dup2(actions, stdout, 1), "adddup2");
        check(Spawn.dup2(actions, stderr, 2), "adddup2");
        for (int i = 0; i < inherited.length; i++) {
            check(Spawn.dup2(actions, parking + i, FIRST_EXTRA + i), "adddup2");
        }
        check(Spawn.chdir(actions, arena.allocateFrom(request.cwd().toString())), "addchdir_np");
        check(Spawn.closeFrom(actions, FIRST_EXTRA + inherited.length), "addclosefrom_np");
        check(Spawn.flags(attr, FLAGS), "posix_spawnattr_setflags");
        check(Spawn.processGroup(attr, 0), "posix_spawnattr_setpgroup");
        MemorySegment none = arena.allocate(Spawn.SIGSET_SIZE, 8);
        Spawn.emptySet(none);
        check(Spawn.signalMask(attr, none), "posix_spawnattr_setsigmask");
        MemorySegment all = arena.allocate(Spawn.SIGSET_SIZE, 8);
        Spawn.fullSet(all);
        check(Spawn.signalDefaults(attr, all), "posix_spawnattr_setsigdefault");
    }

    private static void check(int rc, String what) {
        if (rc != 0) {
            throw new IllegalArgumentException(what + ": " + Io.strerror(rc));
        }
    }

    private MemorySegment strings(List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1L);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    private static List<String> environment(Map<String, String> env) {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static void closeAll(int[]... pipes) {
        for (int[] p : pipes) {
            Io.close(p[0]);
            Io.close(p[1]);
        }
    }
}
