package org.jobshell.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an eventlog file as it grows: each call returns the whole lines appended since the last
 * one (a line still being written is left for the next call).
 */
final class EventlogTail implements AutoCloseable {

    private final Path path;
    private RandomAccessFile file;
    private byte[] partial = new byte[0];

    EventlogTail(Path path) {
        this.path = path;
    }

    /** @return the new whole lines, none when the file does not exist yet */
    List<String> lines() throws IOException {
        if (file == null) {
            if (!path.toFile().exists()) {
                return List.of();
            }
            file = new RandomAccessFile(path.toFile(), "r");
        }
        long available = file.length() - file.getFilePointer();
        List<String> lines = new ArrayList<>();
        if (available <= 0) {
            return lines;
        }
        byte[] chunk = new byte[(int) Math.min(available, 1 << 20)];
        file.readFully(chunk);
        byte[] data = new byte[partial.length + chunk.length];
        System.arraycopy(partial, 0, data, 0, partial.length);
        System.arraycopy(chunk, 0, data, partial.length, chunk.length);
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                lines.add(new String(data, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        partial = Arrays.copyOfRange(data, start, data.length);
        return lines;
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
