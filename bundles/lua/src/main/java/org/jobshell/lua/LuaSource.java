package org.jobshell.lua;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellException;
import org.jobshell.core.spi.JobStack;
import org.jobshell.core.spi.PluginListing;
import org.jobshell.core.spi.PluginOrigin;
import org.jobshell.core.spi.PluginSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * The initrc and Lua plugins, as a plugin source ranked after every plugin service (DESIGN §3): for
 * each shell of a job it runs the rc chain of spec §4.1 (option {@code initrc}, else the system
 * initrc, which sources {@code lua.d/*.lua} and the user's {@code userrc}) in a Lua state of that
 * shell, and what the rc files register or load enters the stack there. A job with no rc file to run
 * gets no Lua state at all.
 */
@Component(configurationPid = LuaSettings.PID,
        property = {PluginSource.NAME + "=lua", "service.ranking:Integer=" + Integer.MAX_VALUE})
public final class LuaSource implements PluginSource {

    /** What every shell's Lua state shares. */
    interface Context {
        /** @return where the rc files and plugins are */
        LuaSettings settings();

        /**
         * @param describe what messages call it, e.g. {@code Lua file rc.lua}
         * @return the origin of a plugin of this source: gone once the Lua bundle stops
         */
        PluginOrigin origin(String describe);

        /** @return how plugin bundles are loaded */
        BundlePlugins bundles();
    }

    private volatile LuaSettings settings;
    private volatile boolean stopped;
    private BundleContext bundleContext;
    private ServiceRegistration<?> hooks;
    private final Context context = new Context() {
        @Override
        public LuaSettings settings() {
            return settings;
        }

        @Override
        public PluginOrigin origin(String describe) {
            return new LuaOrigin(describe, () -> stopped);
        }

        @Override
        public BundlePlugins bundles() {
            return new BundlePlugins(bundleContext);
        }
    };

    /** For tests and embedders without OSGi. @param settings where the rc files are */
    LuaSource(LuaSettings settings) {
        this.settings = settings;
    }

    /** For DS. */
    public LuaSource() {
    }

    @Activate
    void activate(BundleContext bc, Map<String, Object> config) {
        this.bundleContext = bc;
        this.settings = LuaSettings.of(config, bc::getProperty);
        this.hooks = bc.registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                new OnDemandBundles(bc.getBundle().getBundleId()), null);
        Path rc = settings.initrc();
        if (rc != null && Files.isReadable(rc)) {
            // jobs will run Lua: load luaj while the rest of the container starts, not in the first job
            Thread t = new Thread(new WarmUp(context), "jobshell-lua-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    @Modified
    void modified(Map<String, Object> config) {
        this.settings = LuaSettings.of(config, bundleContext::getProperty);
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        // without the hooks the core would see the plugins of the bundles plugin.load started: stop them first
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getLocation().startsWith(OnDemandBundles.LOCATION_PREFIX) && b.getState() == Bundle.ACTIVE) {
                try {
                    b.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException e) {
                    // uninstalled meanwhile, or stopping anyway
                }
            }
        }
        hooks.unregister();
    }

    @Override
    public void contribute(JobStack stack) {
        Shell shell = stack.shell();
        String option;
        try {
            option = shell.options().getString("initrc", null);
        } catch (ShellException e) {
            throw shell.die(1, e.getMessage());
        }
        String display;
        Path rc;
        if (option != null) {
            display = option;
            rc = shell.info().cwd().resolve(option);
        } else {
            rc = settings.initrc();
            if (rc == null || !Files.isReadable(rc)) {
                return; // no Lua to run: no Lua state
            }
            display = rc.toString();
        }
        try {
            new RcRunner(stack, context).runInitrc(display, rc);
        } catch (RcError e) {
            throw shell.die(1, failure(e));
        }
    }

    @Override
    public List<PluginListing> listing() {
        Path rc = settings.initrc();
        if (rc == null || !Files.isReadable(rc)) {
            return List.of();
        }
        ListingStack stack = new ListingStack();
        try {
            new RcRunner(stack, context).runInitrc(rc.toString(), rc);
        } catch (RcError e) {
            throw new ShellException(failure(e));
        }
        return stack.listings();
    }

    /** @return {@code loading rc file <file>: <why>}, without naming the file twice */
    private static String failure(RcError e) {
        String m = e.getMessage();
        return m.startsWith(e.file() + ":") ? "loading rc file " + m : "loading rc file " + e.file() + ": " + m;
    }
}
