package org.jobshell.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import org.junit.jupiter.api.Test;

/** The frame format: what is written reads back; lengths out of range and cut frames are refused. */
class FramesTest {

    private static ReadableByteChannel bytes(byte[] b) {
        return Channels.newChannel(new ByteArrayInputStream(b));
    }

    private static byte[] array(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return a;
    }

    @Test
    void aFrameReadsBackAndAnEmptyStreamIsItsCleanEnd() throws Exception {
        byte[] payload = "hi\n".getBytes();
        Frames.Frame f = Frames.read(bytes(array(Frames.encode(Frames.STDOUT, payload, 0, payload.length))));
        assertEquals(Frames.STDOUT, f.type());
        assertArrayEquals(payload, f.payload());
        assertEquals(7, Frames.number(Frames.read(bytes(array(Frames.number(Frames.EXIT, 7)))).payload()));
        assertNull(Frames.read(bytes(new byte[0])));
    }

    @Test
    void badLengthsAndCutFramesAreRefusedNamingWhy() {
        assertEquals("bad frame length 0 (1 to 1048576 bytes)", assertThrows(Frames.ProtocolException.class,
                () -> Frames.read(bytes(new byte[] {0, 0, 0, 0}))).getMessage());
        assertEquals("bad frame length 4294967295 (1 to 1048576 bytes)", assertThrows(Frames.ProtocolException.class,
                () -> Frames.read(bytes(new byte[] {-1, -1, -1, -1}))).getMessage());
        assertEquals("the connection ended inside a frame", assertThrows(Frames.ProtocolException.class,
                () -> Frames.read(bytes(new byte[] {0, 0, 0, 9, 'O', 'x'}))).getMessage());
        assertEquals("the connection ended inside a frame", assertThrows(Frames.ProtocolException.class,
                () -> Frames.read(bytes(new byte[] {0, 0}))).getMessage());
    }
}
