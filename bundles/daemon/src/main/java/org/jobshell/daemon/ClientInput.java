package org.jobshell.daemon;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A client's standard input, as its {@code I} frames bring it (only an interactive console sends
 * them): an empty frame, or the end of the client's stream, is the end of input.
 */
final class ClientInput extends InputStream {

    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    synchronized void add(byte[] chunk) {
        if (chunk.length == 0) {
            end();
            return;
        }
        chunks.addLast(chunk);
        notifyAll();
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    @Override
    public synchronized int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (pos == current.length) {
            if (!chunks.isEmpty()) {
                current = chunks.removeFirst();
                pos = 0;
            } else if (ended) {
                return -1;
            } else {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }
}
