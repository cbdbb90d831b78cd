package org.jobshell.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jobshell.core.spi.SpawnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a task's command is found: as execvp(3) in the task would, through the task's own PATH. */
class ExecutablesTest {

    @TempDir
    Path dir;

    private final Executables executables = new Executables();

    private Path file(String path, String permissions) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "#!/bin/sh\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
        return f;
    }

    private Path tool(String path) throws IOException {
        return file(path, "rwxr-xr-x");
    }

    private String path(String... dirs) {
        StringBuilder b = new StringBuilder();
        for (String d : dirs) {
            b.append(b.length() == 0 ? "" : ":").append(d.startsWith("/") || d.isEmpty() ? d : dir.resolve(d));
        }
        return b.toString();
    }

    private int errno(String command, String path) {
        return assertThrows(SpawnException.class, () -> executables.resolve(command, path, dir)).errno();
    }

    @Test
    void theTasksPathIsSearchedInOrderNotTheContainers() throws Exception {
        tool("b/tool");
        Path first = tool("c/tool");
        assertEquals(dir.resolve("b/tool").toString(), executables.resolve("tool", path("a", "b", "c"), dir));
        assertEquals(first.toString(), executables.resolve("tool", path("c", "b"), dir));
        assertEquals(2, errno("sh", path("a")), "sh is on the container's PATH, not on this one");
    }

    @Test
    void notFoundIsEnoentAndFoundButNotExecutableIsEacces() throws Exception {
        assertEquals(2, errno("tool", path("a")));
        file("a/tool", "rw-r--r--");
        assertEquals(13, errno("tool", path("a")));
        Path later = tool("b/tool");
        assertEquals(later.toString(), executables.resolve("tool", path("a", "b"), dir),
                "a non-executable file does not hide an executable one further on");
    }

    @Test
    void aDirectoryIsNotACommand() throws Exception {
        Files.createDirectories(dir.resolve("a/tool"));
        assertEquals(13, errno("tool", path("a")), "execvp says EACCES for a directory");
        assertEquals(13, errno(dir.resolve("a").toString(), null), "nor is one given by its path");
        assertEquals(13, errno("./a", null));
    }

    @Test
    void commandsWithASlashAreTakenRelativeToTheCwd() throws Exception {
        tool("bin/run");
        assertEquals("bin/run", executables.resolve("bin/run", path("a"), dir));
        assertEquals(2, errno("bin/none", null));
        file("bin/data", "rw-r--r--");
        assertEquals(13, errno("./bin/data", null));
    }

    @Test
    void aLookupThroughAnAbsolutePathIsCached() throws Exception {
        Path t = tool("b/tool");
        String path = path("b", "/opt/app-1.2/bin");
        assertEquals(t.toString(), executables.resolve("tool", path, dir));
        Files.delete(t);
        assertEquals(t.toString(), executables.resolve("tool", path, dir), "the second task does not look again");
        assertEquals(2, errno("tool", path("b")), "another PATH is another lookup");
    }

    @Test
    void aPathWithRelativeEntriesIsSearchedEveryTime() throws Exception {
        for (String relative : new String[] {"bin", ".", ""}) {
            Path cwd1 = Files.createDirectories(dir.resolve("one" + relative.length()));
            Path cwd2 = Files.createDirectories(dir.resolve("two" + relative.length()));
            String sub = relative.equals("bin") ? "bin/" : "";
            tool(cwd1.getFileName() + "/" + sub + "tool");
            tool(cwd2.getFileName() + "/" + sub + "tool");
            String path = "/nonexistent:" + relative;
            assertEquals(cwd1.resolve(relative).resolve("tool").toString(), executables.resolve("tool", path, cwd1));
            assertEquals(cwd2.resolve(relative).resolve("tool").toString(), executables.resolve("tool", path, cwd2),
                    "PATH entry '" + relative + "' depends on the cwd");
        }
    }
}
