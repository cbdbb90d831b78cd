package org.jobshell.core.spi;

import java.nio.channels.Channel;
import org.jobshell.core.launch.Descriptors;
import org.jobshell.core.launch.Executables;

/**
 * What every launcher needs and the core already knows how to do: find a task's command through the
 * task's own {@code PATH}, and read the descriptor number behind a channel a plugin asked a task to
 * inherit. Shared, so that launchers outside the core do it exactly as the core's does.
 */
public final class SpawnSupport {

    private static final Executables EXECUTABLES = new Executables();

    private SpawnSupport() {
    }

    /**
     * @param request a spawn request
     * @return the file to exec for its {@code argv[0]}: an absolute path when found through the
     *     request's {@code PATH} (execvp(3) in the task), else {@code argv[0]} as given
     * @throws SpawnException ENOENT when nothing is found, EACCES when found but not executable
     */
    public static String executable(SpawnRequest request) throws SpawnException {
        return EXECUTABLES.resolve(request.argv().get(0), request.environment().get("PATH"), request.cwd());
    }

    /**
     * @param channel an open pipe, file or socket channel of the JDK
     * @param taskFd the number the task gets it at, for the message
     * @return its descriptor number in this process
     * @throws SpawnException when it is closed or its number cannot be read
     */
    public static int descriptor(Channel channel, int taskFd) throws SpawnException {
        if (!channel.isOpen()) {
            throw new SpawnException(0, "descriptor " + taskFd + " for the task was closed before the task started");
        }
        try {
            return Descriptors.of(channel);
        } catch (IllegalArgumentException e) {
            throw new SpawnException(0, "cannot pass descriptor " + taskFd + ": " + e.getMessage());
        }
    }
}
