package org.jobshell.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etc/jobshell.properties: relative var dirs, typos warned about, unreadable files named. */
class SiteSettingsTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    private Map<String, String> read(String properties) throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/jobshell.properties"), properties);
        return SiteSettings.read(home, new PrintStream(warnings, true, StandardCharsets.UTF_8));
    }

    @Test
    void noFileIsNoSettings() throws Exception {
        assertEquals(Map.of(), SiteSettings.read(home, new PrintStream(warnings)));
    }

    @Test
    void aRelativeVarDirIsInTheInstallation() throws Exception {
        assertEquals(home.resolve("data/var").toString(),
                read("jobshell.var.dir = ./data/var\n").get("jobshell.var.dir"));
        assertEquals("/srv/jobs", read("jobshell.var.dir=/srv/jobs\n").get("jobshell.var.dir"));
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownKeysAreWarnedAboutAndFrameworkPropertiesAreNot() throws Exception {
        Map<String, String> site = read("jobshell.var.dri=/x\nvar.dir=/y\nfelix.log.level=4\n"
                + "org.osgi.framework.bsnversion=multiple\njobshell.watchdog.warn.ms=5\n");
        assertEquals("4", site.get("felix.log.level"));
        String warning = "jobshell: warning: etc/jobshell.properties: unknown setting ";
        assertEquals(warning + "'jobshell.var.dri' (see docs/OPERATIONS.md)\n"
                + warning + "'var.dir' (see docs/OPERATIONS.md)\n",
                warnings.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnreadableFileIsNamedWithTheReason() throws Exception {
        Files.createDirectories(home.resolve("etc/jobshell.properties"));
        LauncherException e = assertThrows(LauncherException.class,
                () -> SiteSettings.read(home, new PrintStream(warnings)));
        assertEquals("cannot read " + home.resolve("etc/jobshell.properties") + ": Is a directory", e.getMessage());
    }
}
