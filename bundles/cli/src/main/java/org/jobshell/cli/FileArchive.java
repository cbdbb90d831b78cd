package org.jobshell.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jobshell.api.IoErrors;

/**
 * {@code jobshell run --add-file=[NAME=]ARG}, as {@code flux run}: the file ARG (or, when ARG holds a
 * newline, ARG itself as the content, NAME required) goes into the jobspec's
 * {@code attributes.system.files} under NAME (default: ARG's file name), as
 * {@code {data, encoding, mode}}: UTF-8 text as it is, anything else base64. The {@code files}
 * builtin writes it into each shell's {@code JOBSHELL_JOB_TMPDIR}.
 */
final class FileArchive {

    /** The most one file may hold: the jobspec travels whole to every shell. */
    static final int MAX_BYTES = 10 << 20;

    private FileArchive() {
    }

    /**
     * @param spec the jobspec
     * @param args the {@code --add-file} values, in order
     * @param here what relative paths are relative to
     * @throws UsageException naming the argument, for a file that cannot be read, is too large, or a
     *     name given twice
     */
    static void add(ObjectNode spec, List<String> args, Path here) {
        if (args.isEmpty()) {
            return;
        }
        ObjectNode files = spec.withObject("/attributes/system").withObject("/files");
        for (String arg : args) {
            int newline = arg.indexOf('\n');
            int eq = arg.indexOf('=');
            boolean named = eq > 0 && (newline < 0 || eq < newline);
            boolean inline = newline >= 0;
            String name = named ? arg.substring(0, eq) : null;
            String value = named ? arg.substring(eq + 1) : arg;
            byte[] data;
            int mode;
            if (inline) {
                if (name == null) {
                    throw new UsageException("--add-file: content given inline needs a name: --add-file=NAME=CONTENT");
                }
                data = value.getBytes(StandardCharsets.UTF_8);
                mode = 0600;
            } else {
                Path file = here.resolve(value);
                name = name == null ? file.getFileName().toString() : name;
                data = read(arg, file);
                mode = mode(file);
            }
            if (files.has(name)) {
                throw new UsageException("--add-file " + arg + ": a file named " + name + " is already added");
            }
            ObjectNode entry = files.putObject(name);
            String text = utf8(data);
            entry.put("encoding", text == null ? "base64" : "utf-8");
            entry.put("data", text == null ? Base64.getEncoder().encodeToString(data) : text);
            entry.put("size", data.length);
            entry.put("mode", mode);
        }
    }

    private static byte[] read(String arg, Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException("--add-file " + arg + ": " + file + " is larger than 10 MiB, the most a job carries");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("--add-file " + arg + ": cannot read " + file + ": " + IoErrors.reason(e));
        }
    }

    /** @return the file's permission bits (0600 where the file system has none) */
    private static int mode(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            int mode = 0;
            for (PosixFilePermission p : PosixFilePermission.values()) {
                mode = mode << 1 | (perms.contains(p) ? 1 : 0);
            }
            return mode;
        } catch (IOException | UnsupportedOperationException e) {
            return 0600;
        }
    }

    /** @return the bytes as text when they are UTF-8, else null */
    private static String utf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
