package org.jobshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --add-file}: what goes into the jobspec's {@code attributes.system.files}. */
class FileArchiveTest {

    @TempDir
    Path dir;

    private ObjectNode files(String... args) {
        ObjectNode spec = new ObjectMapper().createObjectNode();
        FileArchive.add(spec, List.of(args), dir);
        return (ObjectNode) spec.path("attributes").path("system").path("files");
    }

    @Test
    void aFileGoesUnderItsNameOrTheOneGivenTextAsItIsElseBase64() throws Exception {
        Files.writeString(dir.resolve("in.txt"), "héllo\n");
        Files.setPosixFilePermissions(dir.resolve("in.txt"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.write(dir.resolve("blob"), new byte[] {0, (byte) 0xff});
        Files.setPosixFilePermissions(dir.resolve("blob"), PosixFilePermissions.fromString("rw-r--r--"));
        ObjectNode f = files("in.txt", "data=blob");
        assertEquals("{\"encoding\":\"utf-8\",\"data\":\"héllo\\n\",\"size\":7,\"mode\":488}", f.get("in.txt").toString());
        assertEquals("{\"encoding\":\"base64\",\"data\":\"AP8=\",\"size\":2,\"mode\":420}", f.get("data").toString());
    }

    @Test
    void textWithANewlineIsTheContentAndNeedsAName() {
        assertEquals("a\nb", files("notes=a\nb").get("notes").path("data").asText());
        assertEquals("--add-file: content given inline needs a name: --add-file=NAME=CONTENT",
                assertThrows(UsageException.class, () -> files("a\nb")).getMessage());
    }

    @Test
    void mistakesNameTheArgument() throws Exception {
        UsageException missing = assertThrows(UsageException.class, () -> files("nope.txt"));
        assertTrue(missing.getMessage().startsWith("--add-file nope.txt: cannot read " + dir.resolve("nope.txt") + ": "),
                missing.getMessage());
        Files.writeString(dir.resolve("x"), "x");
        assertEquals("--add-file y=x: a file named y is already added",
                assertThrows(UsageException.class, () -> files("y=x", "y=x")).getMessage());
    }
}
