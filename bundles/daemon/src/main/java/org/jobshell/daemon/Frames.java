package org.jobshell.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The daemon's wire format (docs/PROTOCOL.md): frames of a 4-byte big-endian length N (1 to
 * {@value #MAX} bytes), then N bytes: a type byte and the payload.
 */
final class Frames {

    /** The largest frame, type byte included. */
    static final int MAX = 1 << 20;

    /** Client to daemon: the request, a JSON object. */
    static final byte REQUEST = 'R';
    /** Client to daemon: a signal for what the request runs, a 4-byte signal number. */
    static final byte SIGNAL = 'S';
    /**
     * Client to daemon: bytes of the client's standard input; empty: its end. Daemon to client: a
     * 4-byte credit, how many more bytes of its input the client may send (its command reads it).
     */
    static final byte STDIN = 'I';
    /** Daemon to client: bytes for the client's standard output. */
    static final byte STDOUT = 'O';
    /** Daemon to client: bytes for the client's standard error. */
    static final byte STDERR = 'E';
    /** Daemon to client: the exit code (4 bytes); the last frame. */
    static final byte EXIT = 'X';

    /** A frame that breaks the protocol: the connection is answered with an error and closed. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    /**
     * One frame.
     *
     * @param type the type byte
     * @param payload the rest
     */
    record Frame(byte type, byte[] payload) {
    }

    private Frames() {
    }

    /**
     * @param in a blocking channel
     * @return the next frame, or null at a clean end of stream (before a frame's first byte)
     * @throws ProtocolException for a length out of range or a stream that ends inside a frame
     */
    static Frame read(ReadableByteChannel in) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(4);
        if (!fill(in, head, true)) {
            return null;
        }
        int length = head.flip().getInt();
        if (length < 1 || length > MAX) {
            throw new ProtocolException("bad frame length " + Integer.toUnsignedString(length) + " (1 to " + MAX
                    + " bytes)");
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        fill(in, body, false);
        byte[] b = body.array();
        byte[] payload = new byte[length - 1];
        System.arraycopy(b, 1, payload, 0, payload.length);
        return new Frame(b[0], payload);
    }

    private static boolean fill(ReadableByteChannel in, ByteBuffer b, boolean atStart) throws IOException {
        while (b.hasRemaining()) {
            int n = in.read(b);
            if (n < 0) {
                if (atStart && b.position() == 0) {
                    return false;
                }
                throw new ProtocolException("the connection ended inside a frame");
            }
        }
        return true;
    }

    /** @return the frame as bytes to send */
    static ByteBuffer encode(byte type, byte[] payload, int off, int len) {
        ByteBuffer b = ByteBuffer.allocate(5 + len);
        b.putInt(len + 1).put(type).put(payload, off, len).flip();
        return b;
    }

    /** @return a frame whose payload is one 4-byte number */
    static ByteBuffer number(byte type, int value) {
        ByteBuffer b = ByteBuffer.allocate(9);
        b.putInt(5).put(type).putInt(value).flip();
        return b;
    }

    /** Writes a whole buffer to a blocking channel. */
    static void write(WritableByteChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    /** @return the 4-byte number of a payload */
    static int number(byte[] payload) throws ProtocolException {
        if (payload.length != 4) {
            throw new ProtocolException("a number frame has 4 bytes of payload, this one " + payload.length);
        }
        return ByteBuffer.wrap(payload).getInt();
    }
}
