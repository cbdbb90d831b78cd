package org.jobshell.plugin.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jobshell.api.ShellException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private int extract(String json) throws Exception {
        return JobFiles.extract(JSON.readTree(json), dir);
    }

    @Test
    void textAndBase64FilesAreWrittenWithTheirModes() throws Exception {
        assertEquals(2, extract("{\"a.txt\": {\"data\": \"hello\\n\", \"encoding\": \"utf-8\", \"mode\": 420},"
                + "\"bin/run\": {\"data\": \"AAH/\", \"encoding\": \"base64\", \"mode\": 493}}"));
        assertEquals("hello\n", Files.readString(dir.resolve("a.txt")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a.txt"))));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, Files.readAllBytes(dir.resolve("bin/run")));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bin/run"))));
    }

    @Test
    void namesStayInsideTheDirectory() {
        for (String name : new String[] {"../x", "/etc/x", "", "a/../../x"}) {
            ShellException e = assertThrows(ShellException.class,
                    () -> extract("{\"" + name + "\": {\"data\": \"x\"}}"));
            assertEquals(name + ": the name must be a relative path inside the job's temporary directory", e.getMessage());
        }
    }

    @Test
    void badEntriesNameTheFile() {
        assertEquals("f: unknown encoding 'rot13' (utf-8 or base64)", assertThrows(ShellException.class,
                () -> extract("{\"f\": {\"data\": \"x\", \"encoding\": \"rot13\"}}")).getMessage());
        assertEquals("f: needs {data: TEXT}, got {\"size\":1}", assertThrows(ShellException.class,
                () -> extract("{\"f\": {\"size\": 1}}")).getMessage());
        assertThrows(ShellException.class, () -> extract("{\"f\": {\"data\": \"***\", \"encoding\": \"base64\"}}"));
    }
}
