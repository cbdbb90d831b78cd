package org.jobshell.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the deployer says of a file before and after trying it: one line, the gist. */
class JarCheckTest {

    @TempDir
    Path dir;

    private Path jar(String name, String symbolicName) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return jar;
    }

    @Test
    void aBundleAPlainJarAndTextAreToldApart() throws Exception {
        assertNull(JarCheck.problem(jar("b.jar", "org.site.b").toFile()));
        assertEquals("not an OSGi bundle: its manifest has no Bundle-SymbolicName",
                JarCheck.problem(jar("plain.jar", null).toFile()));
        String text = JarCheck.problem(Files.writeString(dir.resolve("t.jar"), "text").toFile());
        assertTrue(text.startsWith("not a jar ("), text);
    }

    @Test
    void aResolutionFailureIsReducedToTheMissingPackage() {
        String felix = "Unable to resolve org.site.x [21](R 21.0): missing requirement [org.site.x [21](R 21.0)] "
                + "osgi.wiring.package; (&(osgi.wiring.package=org.nowhere)(version>=1.0.0)(!(version>=2.0.0)))"
                + " Unresolved requirements: [[org.site.x [21](R 21.0)] osgi.wiring.package; ...]";
        assertEquals("cannot resolve: no bundle exports package org.nowhere", JarCheck.gist(felix));
        assertEquals("Invalid manifest header", JarCheck.gist("Invalid manifest header\n\tat somewhere"));
        assertEquals("unknown reason", JarCheck.gist(null));
    }
}
