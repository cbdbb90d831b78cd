package org.jobshell.daemon;

import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Constants;

/**
 * What a file of the plugin directory must be before it is installed: a readable jar whose
 * manifest names an OSGi bundle. A file still being copied fails here (a truncated zip), and is
 * looked at again once it changes.
 */
final class JarCheck {

    private JarCheck() {
    }

    /**
     * @param file a file of the plugin directory
     * @return why it cannot be installed, or null when it looks like a bundle
     */
    static String problem(File file) {
        try (JarFile jar = new JarFile(file)) {
            Manifest m = jar.getManifest();
            if (m == null) {
                return "not an OSGi bundle: the jar has no META-INF/MANIFEST.MF";
            }
            if (m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
                return "not an OSGi bundle: its manifest has no Bundle-SymbolicName";
            }
            return null;
        } catch (IOException | SecurityException e) {
            return "not a jar (" + e.getMessage() + ")";
        }
    }

    /**
     * @param message a framework's exception message
     * @return its gist: the missing package for a resolution failure, else the first line
     */
    static String gist(String message) {
        if (message == null) {
            return "unknown reason";
        }
        Matcher m = Pattern.compile("osgi\\.wiring\\.package=([A-Za-z0-9_.]+)")
                .matcher(message);
        if (message.contains("Unable to resolve") && m.find()) {
            return "cannot resolve: no bundle exports package " + m.group(1);
        }
        String first = message.lines().findFirst().orElse(message).trim();
        return first.length() > 300 ? first.substring(0, 300) + "..." : first;
    }
}
