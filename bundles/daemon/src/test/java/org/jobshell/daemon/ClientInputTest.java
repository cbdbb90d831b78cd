package org.jobshell.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A client's input comes as far as it was granted: the first read asks for it, reading asks for more. */
class ClientInputTest {

    private final List<Integer> grants = new CopyOnWriteArrayList<>();
    private final ClientInput input = new ClientInput(grants::add);

    @Test
    void nothingIsAskedForUntilTheCommandReads() {
        input.end();
        assertEquals(List.of(), grants);
        assertEquals(-1, input.read());
        assertEquals(List.of(ClientInput.WINDOW), grants);
    }

    @Test
    void whatTheCommandReadIsGrantedAgainAQuarterWindowAtATime() throws Exception {
        sendOnceGranted(new byte[ClientInput.WINDOW / 4]);
        byte[] b = new byte[ClientInput.WINDOW];
        int got = 0;
        while (got < ClientInput.WINDOW / 4) {
            got += input.read(b, got, b.length - got);
        }
        assertEquals(List.of(ClientInput.WINDOW, ClientInput.WINDOW / 4), grants);
    }

    @Test
    void aClientThatSendsMoreThanItWasGrantedIsRefused() {
        assertThrows(Frames.ProtocolException.class, () -> input.add(new byte[1]));
    }

    @Test
    void anEmptyChunkIsTheEndOfInputAfterWhatCameBefore() throws Exception {
        sendOnceGranted(new byte[] {1, 2, 3}, new byte[0]);
        byte[] b = new byte[8];
        assertEquals(3, input.read(b, 0, b.length));
        assertEquals(-1, input.read(b, 0, b.length));
        assertEquals(List.of(ClientInput.WINDOW), grants);
    }

    /** Adds the chunks from another thread, as a client does once it was granted credit. */
    private void sendOnceGranted(byte[]... chunks) {
        Thread client = new Thread(() -> {
            try {
                while (grants.isEmpty()) {
                    Thread.sleep(1);
                }
                for (byte[] c : chunks) {
                    input.add(c);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        client.setDaemon(true);
        client.start();
    }
}
