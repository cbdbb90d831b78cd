package org.jobshell.core.stack;

import java.lang.reflect.Proxy;
import org.jobshell.api.Shell;

/**
 * The owner of a plugin attached outside any job, only to learn which handlers it registers: its
 * shell refuses every call, and nothing it reports goes anywhere.
 */
enum ProbeOwner implements PluginOwner {
    /** The one probe owner. */
    INSTANCE;

    private final Shell refusing = (Shell) Proxy.newProxyInstance(Shell.class.getClassLoader(),
            new Class<?>[] {Shell.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    case "toString":
                        return "probe shell";
                    default:
                        throw new UnsupportedOperationException("no job: the plugin is only being listed");
                }
            });

    @Override
    public Shell viewFor(AttachedPlugin plugin) {
        return refusing;
    }

    @Override
    public void dropped(AttachedPlugin plugin, String what) {
    }

    @Override
    public void slow(AttachedPlugin plugin, String what, long elapsedMillis) {
    }

    @Override
    public void failed(Failure failure) {
    }

    @Override
    public void abandoned(AttachedPlugin plugin, String what, long elapsedMillis, Thread thread) {
    }
}
