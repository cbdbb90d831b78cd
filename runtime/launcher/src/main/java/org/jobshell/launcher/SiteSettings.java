package org.jobshell.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code etc/jobshell.properties}: the site's settings, framework properties of every run's
 * container. A relative {@code jobshell.var.dir} is resolved against the installation; a key that
 * is neither a jobshell setting (docs/OPERATIONS.md) nor in a framework property namespace is
 * warned about, since it is most likely a typo.
 */
final class SiteSettings {

    /** The settings the core reads; keep in step with docs/OPERATIONS.md. */
    static final Set<String> KNOWN = Set.of("jobshell.var.dir", "jobshell.watchdog.warn.ms",
            "jobshell.watchdog.fail.ms", "jobshell.kill.grace.ms", "jobshell.max.tasks", "jobshell.max.shells",
            "jobshell.max.tasks.per.shell", "jobshell.initrc", "jobshell.pluginpath", "jobshell.plugins.dir",
            "jobshell.config.dir", "jobshell.run.dir", "jobshell.deploy.poll.ms", "jobshell.daemon.stop.grace.ms",
            "jobshell.client.buffer.bytes", "jobshell.job.poll-interval", "jobshell.container.drain.ms");
    /** Namespaces of framework and bundle properties, passed on as they are. */
    static final List<String> FRAMEWORK_NAMESPACES = List.of("org.osgi.", "felix.", "org.apache.felix.", "ds.", "obr.",
            "gosh.");

    static final String VAR_DIR = "jobshell.var.dir";
    private static final String FILE = "etc/jobshell.properties";

    private SiteSettings() {
    }

    /**
     * @param home the installation
     * @param warnings where unknown keys are reported
     * @return the settings; none when the file does not exist
     * @throws LauncherException when the file cannot be read
     */
    static Map<String, String> read(Path home, PrintStream warnings) throws LauncherException {
        Path file = home.resolve(FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return new HashMap<>();
        } catch (FileSystemException e) {
            String reason = e instanceof AccessDeniedException ? "Permission denied" : e.getReason();
            throw new LauncherException("cannot read " + file + ": " + reason);
        } catch (IOException | IllegalArgumentException e) {
            throw new LauncherException("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> site = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            site.put(key, p.getProperty(key).trim());
            if (!KNOWN.contains(key) && FRAMEWORK_NAMESPACES.stream().noneMatch(key::startsWith)) {
                unknown.add(key);
            }
        }
        for (String key : unknown) {
            warnings.println("jobshell: warning: " + FILE + ": unknown setting '" + key + "' (see docs/OPERATIONS.md)");
        }
        String var = site.get(VAR_DIR);
        if (var != null && !var.isEmpty()) {
            site.put(VAR_DIR, home.resolve(var).normalize().toString());
        }
        return site;
    }
}
