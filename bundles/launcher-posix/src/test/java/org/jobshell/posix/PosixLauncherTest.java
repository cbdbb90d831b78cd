package org.jobshell.posix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.SpawnException;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.Spawned;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The posix launcher through the core's launcher SPI, with real processes. */
class PosixLauncherTest {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin");

    private final PosixLauncher launcher = new PosixLauncher();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        launcher.close();
    }

    private Recorder run(List<Channel> inherited, BitSet cpus, String... argv) throws Exception {
        Recorder r = new Recorder();
        launcher.spawn(new SpawnRequest(List.of(argv), ENV, dir, cpus, inherited, r));
        return r;
    }

    @Test
    void outputAndExitCodeArriveInOrder() throws Exception {
        Recorder r = run(List.of(), null, "sh", "-c", "echo out; echo err >&2; exit 3");
        assertEquals(ExitStatus.exited(3), r.await());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
    }

    @Test
    void aSignalIsToldApartFromAnExitCode() throws Exception {
        assertEquals(ExitStatus.killed(11, false), run(List.of(), null, "sh", "-c", "ulimit -c 0; kill -SEGV $$").await());
        assertEquals(ExitStatus.exited(139), run(List.of(), null, "sh", "-c", "exit 139").await());
    }

    @Test
    void aCoreDumpIsReported() throws Exception {
        // core_pattern "core" writes it into the task's directory, a temporary one
        assertEquals(ExitStatus.killed(11, true),
                run(List.of(), null, "sh", "-c", "ulimit -S -c unlimited; kill -SEGV $$").await());
    }

    @Test
    void theTaskGetsExactlyStdioAndTheWorkingDirectory() throws Exception {
        Recorder r = run(List.of(), null, "sh", "-c", "ls /proc/$$/fd; pwd; cat");
        assertEquals(ExitStatus.exited(0), r.await());
        assertEquals("0\n1\n2\n" + dir.toRealPath() + "\n", r.stdout()); // cat: stdin is /dev/null
    }

    @Test
    void stdinFromAFileIsReadFromItsStartByEveryTaskAndFromAPipeToItsEnd() throws Exception {
        Path file = Files.writeString(dir.resolve("stdin.txt"), "line 1\nline 2\n");
        Pipe pipe = Pipe.open();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Recorder> fromFile = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Recorder r = new Recorder();
                launcher.spawn(new SpawnRequest(List.of("cat"), ENV, dir, null, List.of(), r, in));
                fromFile.add(r);
            }
            Recorder fromPipe = new Recorder();
            launcher.spawn(new SpawnRequest(List.of("sh", "-c", "cat; ls /proc/$$/fd"), ENV, dir, null, List.of(),
                    fromPipe, pipe.source()));
            pipe.sink().write(ByteBuffer.wrap("through the pipe\n".getBytes(StandardCharsets.UTF_8)));
            pipe.sink().close();
            for (Recorder r : fromFile) {
                assertEquals(ExitStatus.exited(0), r.await(), r.stderr());
                assertEquals("line 1\nline 2\n", r.stdout());
            }
            assertEquals(ExitStatus.exited(0), fromPipe.await(), fromPipe.stderr());
            assertEquals("through the pipe\n0\n1\n2\n", fromPipe.stdout());
        } finally {
            pipe.source().close();
        }
    }

    @Test
    void aPipeAFileAndASocketArriveAtTheirNumbers() throws Exception {
        Path file = Files.writeString(dir.resolve("in.txt"), "from a file\n");
        Pipe pipe = Pipe.open();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dir.resolve("s")));
            SocketChannel ours = SocketChannel.open(server.getLocalAddress());
            SocketChannel theirs = server.accept();
            Recorder r = run(List.of(pipe.sink(), in, theirs), null, "sh", "-c",
                    "echo to the pipe >&3; cat <&4; echo to the socket >&5; ls /proc/$$/fd");
            pipe.sink().close();
            theirs.close();
            assertEquals(ExitStatus.exited(0), r.await(), r.stderr());
            assertEquals("from a file\n0\n1\n2\n3\n4\n5\n", r.stdout());
            assertEquals("to the pipe\n", read(pipe.source()));
            assertEquals("to the socket\n", read(ours));
            ours.close();
        } finally {
            pipe.source().close();
        }
    }

    private static String read(java.nio.channels.ReadableByteChannel c) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(256);
        while (c.read(b) > 0) {
            // until end of file: the task and our copies of its end are closed
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    @Test
    void theTaskLeadsItsOwnProcessGroupAndASignalReachesWhatItStarted() throws Exception {
        Recorder r = new Recorder();
        Spawned s = launcher.spawn(new SpawnRequest(List.of("sh", "-c", "sleep 300 & ps -o pgid= -p $$; wait"),
                ENV, dir, null, List.of(), r));
        while (r.stdout().isEmpty()) {
            Thread.sleep(10);
        }
        assertEquals(Long.toString(s.pid()), r.stdout().trim());
        launcher.signal(List.of(s), 15);
        assertEquals(ExitStatus.killed(15, false), r.await()); // the sleep got it too, or the pipe stays open
    }

    @Test
    void aCpuSetBindsTheTaskWithoutAnExec() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        BitSet last = new BitSet();
        last.set(cpus - 1);
        Recorder r = run(List.of(), last, "sh", "-c", "grep Cpus_allowed_list /proc/self/status");
        assertEquals(ExitStatus.exited(0), r.await());
        assertEquals("Cpus_allowed_list:\t" + (cpus - 1) + "\n", r.stdout());
    }

    @Test
    void aMissingCommandIsEnoentAndAClosedDescriptorIsNamed() throws Exception {
        SpawnException e = assertThrows(SpawnException.class, () -> run(List.of(), null, "no-such-command-here"));
        assertEquals(127, e.exitCode());
        Pipe pipe = Pipe.open();
        pipe.sink().close();
        pipe.source().close();
        SpawnException closed = assertThrows(SpawnException.class, () -> run(List.of(pipe.sink()), null, "true"));
        assertEquals("descriptor 3 for the task was closed before the task started", closed.getMessage());
    }

    /** Descriptors closed while another thread's child still holds a copy are never confused with new ones. */
    @Test
    void twoThreadsSpawningAtOnceGetEveryOutputAndExit() throws Exception {
        List<Recorder> all = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable spawner = () -> {
            for (int i = 0; i < 300; i++) {
                try {
                    all.add(run(List.of(), null, "echo", "x"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Thread other = new Thread(spawner);
        other.start();
        spawner.run();
        other.join();
        assertEquals(600, all.size());
        for (Recorder r : all) {
            assertEquals(ExitStatus.exited(0), r.await());
            assertEquals("x\n", r.stdout());
        }
    }

    @Test
    void oneThreadServesEveryLiveTask() throws Exception {
        run(List.of(), null, "true").await(); // the I/O thread exists from the first task on
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Recorder> live = new ArrayList<>();
        List<Spawned> started = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Recorder r = new Recorder();
            started.add(launcher.spawn(new SpawnRequest(List.of("sleep", "300"), ENV, dir, null, List.of(), r)));
            live.add(r);
        }
        int during = ManagementFactory.getThreadMXBean().getThreadCount();
        assertEquals(600, launcher.watched()); // 2 pipes and a pidfd each, all live
        launcher.signal(started, 9);
        for (Recorder r : live) {
            assertEquals(ExitStatus.killed(9, false), r.await());
        }
        assertTrue(during <= before, "threads: " + before + " before, " + during + " with 200 live tasks");
    }
}
