package org.jobshell.core.stack;

import java.lang.reflect.Proxy;
import org.jobshell.api.Shell;

/** Plugins for stack tests: attached to a shell that refuses every call. */
final class TestPlugins {

    private TestPlugins() {
    }

    static AttachedPlugin plugin(String name) {
        return new AttachedPlugin(name, null, false, shell(), null);
    }

    static AttachedPlugin plugin(String name, PluginSource source, boolean optional) {
        return new AttachedPlugin(name, source, optional, shell(), null);
    }

    static Shell shell() {
        return (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] {Shell.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A source that can be removed, like a stopped bundle. */
    static final class Source implements PluginSource {
        volatile boolean gone;

        @Override
        public String describe() {
            return "bundle test.bundle 1.0.0";
        }

        @Override
        public boolean removed() {
            return gone;
        }
    }
}
