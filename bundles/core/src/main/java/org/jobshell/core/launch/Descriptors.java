package org.jobshell.core.launch;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.channels.Channel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The descriptor number behind a NIO channel, and how it was opened. The JDK keeps the number
 * internal (pipes and sockets have {@code getFDVal()}, a file channel only its
 * {@link FileDescriptor}, read with {@code IOUtil.fdVal}), so this needs
 * {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (bin/jobshell passes it); the open mode comes
 * from {@code /proc/self/fdinfo}.
 */
public final class Descriptors {

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

    /** How to read the number from one class of channel. */
    @FunctionalInterface
    private interface Reader {
        int fd(Channel channel) throws ReflectiveOperationException;
    }

    /** The reader per channel class, looked up once; null when there is none. */
    private static final ClassValue<Reader> READERS = new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> type) {
            try {
                return readerFor(type);
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
    public static int of(Channel channel) {
        Class<?> c = channel.getClass();
        Reader reader = READERS.get(c);
        try {
            if (reader == null) {
                throw new NoSuchMethodException("no accessible descriptor in " + c.getName());
            }
            return reader.fd(channel);
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
        List<String> info;
        try {
            // readAllLines, not readString: on some kernels procfs sizes make readString stop early
            info = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd));
        } catch (IOException e) {
            throw new IllegalArgumentException("descriptor " + fd + " is not open: " + e.getMessage());
        }
        for (String line : info) {
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

    private static Reader readerFor(Class<?> c) throws ReflectiveOperationException {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals("getFDVal") && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    return channel -> (Integer) m.invoke(channel);
                }
            }
            for (Field f : k.getDeclaredFields()) {
                if (f.getType() == FileDescriptor.class) {
                    f.setAccessible(true);
                    // IOUtil lives beside the JDK's channel classes (sun.nio.ch); named at run time, not imported,
                    // and loaded by the channel's own loader: a bundle's loader does not see sun.nio.ch
                    Method fdVal = Class.forName(k.getPackageName() + ".IOUtil", false, k.getClassLoader())
                            .getDeclaredMethod("fdVal", FileDescriptor.class);
                    fdVal.setAccessible(true);
                    return channel -> (Integer) fdVal.invoke(null, f.get(channel));
                }
            }
        }
        throw new NoSuchMethodException(c.getName() + " has neither getFDVal() nor a FileDescriptor");
    }
}
