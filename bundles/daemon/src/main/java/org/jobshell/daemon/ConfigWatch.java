package org.jobshell.daemon;

import java.io.IOException;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Has FileInstall watch the configuration directory ({@code etc/}) for {@code *.cfg} files: each
 * becomes the ConfigAdmin configuration of its PID ({@code org.jobshell.core.cfg}), or a factory
 * configuration ({@code pid-name.cfg}); editing the file updates it, deleting it deletes it. A
 * FileInstall factory configuration, as Karaf has for its {@code etc/}; the plugin directory's
 * watcher is FileInstall's own, from framework properties.
 */
@Component
public final class ConfigWatch {

    private static final String FILEINSTALL_FACTORY = "org.apache.felix.fileinstall";

    private final Configuration config;

    /**
     * @param context this bundle's context (settings)
     * @param admin ConfigAdmin
     * @throws IOException when ConfigAdmin cannot store the configuration
     */
    @Activate
    public ConfigWatch(BundleContext context, @Reference ConfigurationAdmin admin) throws IOException {
        config = admin.createFactoryConfiguration(FILEINSTALL_FACTORY, "?");
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("felix.fileinstall.dir", DaemonSettings.path(context, DaemonSettings.CONFIG_DIR, "etc").toString());
        p.put("felix.fileinstall.filter", ".*\\.cfg");
        p.put("felix.fileinstall.poll", Long.toString(DaemonSettings.number(context, DaemonSettings.POLL,
                DaemonSettings.DEFAULT_POLL_MS)));
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.log.level", "2");
        config.update(p);
    }

    @Deactivate
    void deactivate() {
        try {
            config.delete();
        } catch (IOException | IllegalStateException e) {
            // the framework is stopping
        }
    }
}
