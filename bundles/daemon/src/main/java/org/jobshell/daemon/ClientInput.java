package org.jobshell.daemon;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntConsumer;

/**
 * A client's standard input, as its {@code I} frames bring it: an empty frame, or the end of the
 * client's stream, is the end of input. The client sends input only as far as it was granted credit
 * (docs/PROTOCOL.md): the first read grants {@value #WINDOW} bytes, and what the command has read is
 * granted again as it goes, so a client's input is read only when its command wants it, and no more
 * than a window of it ever waits here. A client that sends more than it was granted is refused.
 */
final class ClientInput extends InputStream {

    /** The bytes a client may have sent that the command has not read yet. */
    static final int WINDOW = 1 << 20;

    private final Deque<byte[]> chunks = new ArrayDeque<>();
    private final IntConsumer grant;
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;
    private boolean asked;
    private long credit;
    private int readSinceGrant;

    /** @param grant sends the client more credit, in bytes (an {@code I} frame) */
    ClientInput(IntConsumer grant) {
        this.grant = grant;
    }

    /**
     * @param chunk bytes the client sent; empty: the end of its input
     * @throws Frames.ProtocolException when the client sent more than it was granted
     */
    synchronized void add(byte[] chunk) throws Frames.ProtocolException {
        if (chunk.length == 0) {
            end();
            return;
        }
        credit -= chunk.length;
        if (credit < 0) {
            throw new Frames.ProtocolException("more standard input than the daemon asked for");
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
        if (!asked) {
            asked = true;
            give(WINDOW); // the first read: the client starts sending
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
        readSinceGrant += n;
        if (readSinceGrant >= WINDOW / 4 && !ended) {
            give(readSinceGrant);
            readSinceGrant = 0;
        }
        return n;
    }

    private void give(int bytes) {
        credit += bytes;
        grant.accept(bytes);
    }
}
