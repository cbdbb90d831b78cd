package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.channels.Channel;
import java.nio.channels.Pipe;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.Spawned;
import org.jobshell.core.spi.TaskLauncher;
import org.junit.jupiter.api.Test;

/** A shell takes another launcher for a channel its job's launcher cannot pass, until its first spawn. */
class ShellLauncherTest {

    /** Passes pipes only, or anything. */
    private static final class Fake implements TaskLauncher {
        private final boolean sockets;

        Fake(boolean sockets) {
            this.sockets = sockets;
        }

        @Override
        public Spawned spawn(SpawnRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkInheritable(Channel channel) {
            if (!sockets && channel instanceof SocketChannel) {
                throw new IllegalArgumentException("no sockets here");
            }
        }

        @Override
        public void signal(List<? extends Spawned> processes, int signal) {
        }
    }

    private final TaskLauncher small = new Fake(false);
    private final TaskLauncher posix = new Fake(true);
    private final List<String> debug = new ArrayList<>();

    private ShellLauncher shell(List<JobLaunchers.Named> others) {
        return new ShellLauncher(new JobLaunchers(new JobLaunchers.Named("small", small), others), debug::add);
    }

    @Test
    void aSocketTakesTheLauncherThatCanPassItAndSaysWhy() throws Exception {
        ShellLauncher launcher = shell(List.of(new JobLaunchers.Named("posix", posix)));
        try (Pipe.SourceChannel pipe = Pipe.open().source(); SocketChannel socket = SocketChannel.open()) {
            launcher.checkInheritable(pipe);
            assertSame(small, launcher.launcher());
            launcher.checkInheritable(socket);
            assertSame(posix, launcher.launcher());
            assertEquals("posix", launcher.name());
        }
        assertEquals(List.of("tasks start with the posix launcher: the small launcher refused a descriptor "
                + "(no sockets here)"), debug);
    }

    @Test
    void afterTheFirstSpawnOrWithoutAnotherLauncherTheRefusalStands() throws Exception {
        ShellLauncher fixed = shell(List.of(new JobLaunchers.Named("posix", posix)));
        fixed.fix();
        ShellLauncher alone = shell(List.of());
        try (SocketChannel socket = SocketChannel.open()) {
            assertEquals("no sockets here", assertThrows(IllegalArgumentException.class,
                    () -> fixed.checkInheritable(socket)).getMessage());
            assertThrows(IllegalArgumentException.class, () -> alone.checkInheritable(socket));
        }
        assertSame(small, fixed.launcher());
    }
}
