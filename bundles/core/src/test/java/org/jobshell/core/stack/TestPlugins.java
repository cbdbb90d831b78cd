package org.jobshell.core.stack;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jobshell.api.Shell;
import org.jobshell.core.spi.PluginOrigin;

/** Plugins for stack tests: attached to an owner that records what it hears, with a shell that refuses every call. */
final class TestPlugins {

    private TestPlugins() {
    }

    static AttachedPlugin plugin(String name) {
        return plugin(name, null, false, new Owner());
    }

    static AttachedPlugin plugin(String name, PluginOrigin origin, boolean optional, Owner owner) {
        return new AttachedPlugin(name, origin, optional, null, owner);
    }

    static Shell shell() {
        return (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(), new Class<?>[] {Shell.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** An owner that records every report as {@code kind plugin@what}. */
    static final class Owner implements PluginOwner {
        final List<String> reports = new CopyOnWriteArrayList<>();

        @Override
        public Shell viewFor(AttachedPlugin plugin) {
            return shell();
        }

        @Override
        public void dropped(AttachedPlugin plugin, String what) {
            reports.add("dropped " + plugin.name() + "@" + what);
        }

        @Override
        public void slow(AttachedPlugin plugin, String what, long elapsedMillis) {
            reports.add("slow " + plugin.name() + "@" + what);
        }

        @Override
        public void failed(Failure failure) {
            reports.add("failed " + failure.describe());
        }

        @Override
        public void abandoned(AttachedPlugin plugin, String what, long elapsedMillis, Thread thread) {
            reports.add("abandoned " + plugin.name() + "@" + what);
        }
    }

    /** An origin that can be removed, like a stopped bundle. */
    static final class Source implements PluginOrigin {
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
