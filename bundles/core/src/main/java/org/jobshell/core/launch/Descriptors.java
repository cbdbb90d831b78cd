package org.jobshell.core.launch;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.channels.Channel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The descriptor number behind a NIO channel, and how it was opened. The JDK keeps the number
 * internal, so this needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (bin/jobshell passes
 * it); the open mode comes from {@code /proc/self/fdinfo}.
 */
final class Descriptors {

    /** How a descriptor was opened (its {@code O_ACCMODE}, and {@code O_APPEND}). */
    enum Mode {
        /** O_RDONLY. */
        READ,
        /** O_WRONLY. */
        WRITE,
        /** O_WRONLY | O_APPEND. */
        APPEND,
        /** O_RDWR. */
        READ_WRITE
    }

    private static final int O_ACCMODE = 3;
    private static final int O_WRONLY = 1;
    private static final int O_RDWR = 2;
    private static final int O_APPEND = 02000;

    /** The accessible getFDVal method per channel class, looked up once. */
    private static final ClassValue<Method> FD_VAL = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = findFdVal(type);
                m.setAccessible(true);
                return m;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    };

    private Descriptors() {
    }

    /**
     * @param channel an open pipe, socket or file channel of the JDK
     * @return its descriptor number
     * @throws IllegalArgumentException when the number cannot be read
     */
    static int of(Channel channel) {
        Class<?> c = channel.getClass();
        Method m = FD_VAL.get(c);
        try {
            if (m == null) {
                throw new NoSuchMethodException(c.getName() + ".getFDVal() is not accessible");
            }
            return (Integer) m.invoke(channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the descriptor of " + c.getName()
                    + " (start the JVM with --add-opens java.base/sun.nio.ch=ALL-UNNAMED): " + e);
        }
    }

    /**
     * @param fd a descriptor of this process
     * @return how it was opened
     * @throws IllegalArgumentException when it is not open
     */
    static Mode mode(int fd) {
        String info;
        try {
            info = Files.readString(Path.of("/proc/self/fdinfo/" + fd));
        } catch (IOException e) {
            throw new IllegalArgumentException("descriptor " + fd + " is not open: " + e.getMessage());
        }
        for (String line : info.split("\n")) {
            if (line.startsWith("flags:")) {
                int flags = Integer.parseInt(line.substring(6).trim(), 8);
                switch (flags & O_ACCMODE) {
                    case O_WRONLY:
                        return (flags & O_APPEND) != 0 ? Mode.APPEND : Mode.WRITE;
                    case O_RDWR:
                        return Mode.READ_WRITE;
                    default:
                        return Mode.READ;
                }
            }
        }
        throw new IllegalArgumentException("no flags for descriptor " + fd + " in /proc/self/fdinfo");
    }

    private static Method findFdVal(Class<?> c) throws NoSuchMethodException {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                return k.getDeclaredMethod("getFDVal");
            } catch (NoSuchMethodException e) {
                // try the superclass
            }
        }
        throw new NoSuchMethodException(c.getName() + ".getFDVal()");
    }
}
