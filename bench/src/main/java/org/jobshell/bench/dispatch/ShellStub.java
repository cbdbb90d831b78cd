package org.jobshell.bench.dispatch;

import java.lang.reflect.Proxy;
import org.jobshell.api.Shell;

/** A {@link Shell} that the benchmark handlers never use: every method throws. */
final class ShellStub {

    private ShellStub() {
    }

    /** @return a shell proxy */
    static Shell create() {
        return (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] {Shell.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == args[0];
                        case "toString": return "ShellStub";
                        default: throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
