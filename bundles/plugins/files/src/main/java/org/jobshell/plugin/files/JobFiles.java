package org.jobshell.plugin.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jobshell.api.IoErrors;
import org.jobshell.api.ShellException;

/**
 * The jobspec's {@code attributes.system.files}: an object of file name to
 * {@code {data, encoding: "utf-8"|"base64", mode}} ({@code jobshell run --add-file}), written below
 * a directory. Names are relative paths that stay inside it.
 */
final class JobFiles {

    private JobFiles() {
    }

    /**
     * @param files the jobspec's files
     * @param dir where they go
     * @return how many were written
     * @throws ShellException naming the file, for a bad entry or a file that cannot be written
     */
    static int extract(JsonNode files, Path dir) {
        if (!files.isObject()) {
            throw new ShellException("attributes.system.files must be an object of file name to {data, encoding, mode}");
        }
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); n++) {
            Map.Entry<String, JsonNode> e = it.next();
            write(dir, target(dir, e.getKey()), e.getKey(), e.getValue());
        }
        return n;
    }

    private static Path target(Path dir, String name) {
        Path p = Path.of(name).normalize();
        if (name.isEmpty() || p.isAbsolute() || p.startsWith("..") || p.toString().isEmpty()) {
            throw new ShellException(name + ": the name must be a relative path inside the job's temporary directory");
        }
        return dir.resolve(p);
    }

    private static void write(Path dir, Path file, String name, JsonNode entry) {
        JsonNode data = entry.get("data");
        if (!entry.isObject() || data == null || !data.isTextual()) {
            throw new ShellException(name + ": needs {data: TEXT}, got " + entry);
        }
        byte[] bytes;
        String encoding = entry.path("encoding").asText("utf-8");
        if (encoding.equals("base64")) {
            try {
                bytes = Base64.getDecoder().decode(data.textValue());
            } catch (IllegalArgumentException ex) {
                throw new ShellException(name + ": data is not base64: " + ex.getMessage());
            }
        } else if (encoding.equals("utf-8")) {
            bytes = data.textValue().getBytes(StandardCharsets.UTF_8);
        } else {
            throw new ShellException(name + ": unknown encoding '" + encoding + "' (utf-8 or base64)");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(file, permissions(entry.path("mode").asInt(0600)));
        } catch (IOException ex) {
            throw new ShellException(name + ": cannot write " + file + ": " + IoErrors.reason(ex));
        }
    }

    /** @return the permission bits of a mode, the owner's read and write always among them */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < all.length; i++) {
            if ((mode & (1 << (all.length - 1 - i))) != 0) {
                perms.add(all[i]);
            }
        }
        return perms;
    }
}
