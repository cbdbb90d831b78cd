package org.jobshell.core.launch;

import java.io.File;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.Pipe;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobshell.api.Idset;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.ProcessObserver;
import org.jobshell.core.spi.SpawnException;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.SpawnSupport;
import org.jobshell.core.spi.Spawned;
import org.jobshell.core.spi.TaskLauncher;
import org.jobshell.core.util.CpuSets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Starts tasks with {@link ProcessBuilder}, the launcher that works on every JDK.
 *
 * <ul>
 *   <li>Output: each stream is a NIO {@link Pipe} whose write end the child gets through
 *       {@code /proc/self/fd/N}; the read ends are served by one {@link OutputReactor} thread.</li>
 *   <li>Isolation: the environment is exactly the request's, and the command is found through the
 *       task's PATH; the JDK closes every other descriptor in the child; stdin is
 *       {@code /dev/null}.</li>
 *   <li>Concurrency: at most two spawns at a time (more launcher threads make the JDK slower).</li>
 *   <li>What the JDK cannot do in the child is done by a wrapper exec: {@code taskset -c} for a CPU
 *       set other than the container's own, and {@code sh} reopening inherited descriptors from
 *       {@code /proc/<pid>/fd} with the access mode they were opened with ({@code <}, {@code >>} or
 *       {@code <>}: the task gets a new open of the same pipe or file, so a file's offset is not
 *       shared and writes append). Both cost one more exec, only for the tasks that need them.
 *       Sockets cannot be reopened that way: {@link #checkInheritable} refuses them.</li>
 *   <li>Signals go to each process and its descendants, as found in the process table at the call,
 *       the tasks first (tasks share the container's process group, so there is no killpg).</li>
 *   <li>Exit: the JDK reports a task killed by signal N as {@code 128 + N}, which
 *       {@link ExitStatus#fromJdk} cannot tell from {@code exit(128 + N)}.</li>
 * </ul>
 *
 * <p>Registered with ranking 0: a launcher service ranked higher replaces it for new jobs.
 */
@Component(service = TaskLauncher.class,
        property = {"service.ranking:Integer=0", TaskLauncher.NAME + "=" + ProcessBuilderLauncher.NAME})
public final class ProcessBuilderLauncher implements TaskLauncher, AutoCloseable {

    /** This launcher's {@value TaskLauncher#NAME}. */
    public static final String NAME = "processbuilder";

    private static final Pattern JDK_ERROR = Pattern.compile("error=(\\d+), (.*)$");
    private static final File DEV_NULL = new File("/dev/null");

    private final OutputReactor reactor = new OutputReactor();
    private final Semaphore spawns = new Semaphore(2);
    private final BitSet containerCpus = CpuSets.allowed();
    private final long selfPid = ProcessHandle.current().pid();

    @Override
    public Spawned spawn(SpawnRequest request) throws SpawnException {
        ProcessBuilder pb = new ProcessBuilder(commandLine(request));
        pb.environment().clear();
        pb.environment().putAll(request.environment());
        pb.directory(request.cwd().toFile());
        pb.redirectInput(stdin(request.stdin()));
        Pipe out = null;
        Pipe err = null;
        try {
            out = Pipe.open();
            err = Pipe.open();
            pb.redirectOutput(new File("/proc/self/fd/" + Descriptors.of(out.sink())));
            pb.redirectError(new File("/proc/self/fd/" + Descriptors.of(err.sink())));
            Process process = start(pb);
            out.sink().close();
            err.sink().close();
            ProcessObserver observer = request.observer();
            reactor.register(out.source(), TaskStream.STDOUT, observer);
            reactor.register(err.source(), TaskStream.STDERR, observer);
            process.onExit().thenAccept(p -> observer.exited(ExitStatus.fromJdk(p.exitValue())));
            long pid = process.pid();
            return () -> pid;
        } catch (IOException e) {
            closeQuietly(out);
            closeQuietly(err);
            throw failure(e);
        }
    }

    /** @return what the task reads: the channel, reopened through /proc (a file from its start), or /dev/null */
    private static File stdin(Channel channel) throws SpawnException {
        if (channel == null) {
            return DEV_NULL;
        }
        if (!channel.isOpen()) {
            throw new SpawnException(0, "the task's standard input was closed before the task started");
        }
        return new File("/proc/self/fd/" + Descriptors.of(channel));
    }

    private Process start(ProcessBuilder pb) throws IOException {
        spawns.acquireUninterruptibly();
        try {
            return pb.start();
        } finally {
            spawns.release();
        }
    }

    /** The request's command with the wrappers this launcher needs in front. */
    List<String> commandLine(SpawnRequest request) throws SpawnException {
        List<String> cmd = new ArrayList<>();
        BitSet cpus = request.cpus();
        if (cpus != null && !cpus.isEmpty() && !cpus.equals(containerCpus)) {
            cmd.add("taskset");
            cmd.add("-c");
            cmd.add(Idset.encode(cpus));
        }
        List<Channel> inherited = request.inherited();
        if (!inherited.isEmpty()) {
            StringBuilder script = new StringBuilder();
            for (int i = 0; i < inherited.size(); i++) {
                int fd = SpawnSupport.descriptor(inherited.get(i), 3 + i);
                script.append("exec ").append(3 + i).append(redirection(fd)).append("/proc/").append(selfPid)
                        .append("/fd/").append(fd).append("; ");
            }
            script.append("exec \"$@\"");
            cmd.add("/bin/sh");
            cmd.add("-c");
            cmd.add(script.toString());
            cmd.add("jobshell-task");
        }
        List<String> argv = request.argv();
        cmd.add(SpawnSupport.executable(request));
        cmd.addAll(argv.subList(1, argv.size()));
        return cmd;
    }

    private static String redirection(int fd) throws SpawnException {
        Descriptors.Mode mode;
        try {
            mode = Descriptors.mode(fd);
        } catch (IllegalArgumentException e) {
            throw new SpawnException(0, "cannot pass a descriptor: " + e.getMessage());
        }
        switch (mode) {
            case READ:
                return "<";
            case READ_WRITE:
                return "<>";
            default:
                return ">>"; // never truncate a file the plugin opened for writing
        }
    }

    @Override
    public void checkInheritable(Channel channel) {
        if (channel instanceof NetworkChannel) {
            throw new IllegalArgumentException("the " + NAME + " launcher cannot pass a socket to a task (it reopens "
                    + "descriptors through /proc, which sockets refuse): pass a pipe, a file or a FIFO");
        }
        Descriptors.mode(Descriptors.of(channel));
    }

    @Override
    public void signal(List<? extends Spawned> processes, int signal) {
        List<Long> pids = new ArrayList<>(processes.size());
        for (Spawned p : processes) {
            pids.add(p.pid());
        }
        Signals.sendToTrees(pids, signal);
    }

    /** Turns the JDK's "error=2, No such file or directory" into an errno and its message. */
    static SpawnException failure(IOException e) {
        String m = String.valueOf(e.getMessage());
        Matcher matcher = JDK_ERROR.matcher(m);
        if (matcher.find()) {
            return new SpawnException(Integer.parseInt(matcher.group(1)), matcher.group(2));
        }
        return new SpawnException(0, m);
    }

    private static void closeQuietly(Pipe p) {
        if (p == null) {
            return;
        }
        try {
            p.sink().close();
            p.source().close();
        } catch (IOException e) {
            // already failing; nothing more to do
        }
    }

    /** @return the descriptor count of this process, for diagnostics and benchmarks */
    public static int openDescriptors() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    /** Stops the I/O thread. */
    @Deactivate
    @Override
    public void close() {
        reactor.close();
    }
}
