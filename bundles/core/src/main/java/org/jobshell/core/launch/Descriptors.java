package org.jobshell.core.launch;

import java.lang.reflect.Method;
import java.nio.channels.Channel;

/**
 * The descriptor number behind a NIO channel. The JDK keeps it internal, so this needs
 * {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (bin/jobshell passes it).
 */
final class Descriptors {

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
