package org.jobshell.core.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.TaskStream;
import org.jobshell.core.spi.ExitStatus;
import org.jobshell.core.spi.ProcessObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The container's one output thread: every byte of every stream reaches its observer in order,
 * followed by exactly one end of file, however many streams there are and however they end.
 */
class OutputReactorTest {

    private final OutputReactor reactor = new OutputReactor();
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();

    @AfterEach
    void close() {
        reactor.close();
    }

    /** What one stream delivered; a failure to check (data after eof, two eofs) is recorded, not thrown. */
    private final class Recorder implements ProcessObserver {
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<String> problems = new ArrayList<>();
        final CountDownLatch eof;
        int eofs;

        Recorder(CountDownLatch eof) {
            this.eof = eof;
        }

        @Override
        public synchronized void data(TaskStream stream, ByteBuffer bytes) {
            readers.add(Thread.currentThread());
            if (eofs > 0) {
                problems.add("data after eof");
            }
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            data.writeBytes(b);
        }

        @Override
        public synchronized void eof(TaskStream stream) {
            readers.add(Thread.currentThread());
            if (++eofs > 1) {
                problems.add("eof " + eofs + " times");
            }
            eof.countDown();
        }

        @Override
        public void exited(ExitStatus status) {
            problems.add("exited is not the reactor's to call");
        }

        synchronized byte[] bytes() {
            return data.toByteArray();
        }
    }

    private Pipe.SinkChannel register(Recorder r, TaskStream stream) throws IOException {
        Pipe pipe = Pipe.open();
        reactor.register(pipe.source(), stream, r);
        return pipe.sink();
    }

    private static void write(Pipe.SinkChannel sink, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            sink.write(b);
        }
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(60, TimeUnit.SECONDS), "not every stream reached its end of file");
    }

    @Test
    void manyStreamsAreReadOnOneThreadEachInOrderThenOneEof() throws Exception {
        int n = 200;
        CountDownLatch eofs = new CountDownLatch(n);
        List<Recorder> recorders = new ArrayList<>();
        List<Pipe.SinkChannel> sinks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Recorder r = new Recorder(eofs);
            recorders.add(r);
            sinks.add(register(r, i % 2 == 0 ? TaskStream.STDOUT : TaskStream.STDERR));
        }
        for (int line = 0; line < 20; line++) { // interleaved, as tasks write
            for (int i = 0; i < n; i++) {
                write(sinks.get(i), ("stream " + i + " line " + line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        for (Pipe.SinkChannel s : sinks) {
            s.close();
        }
        await(eofs);
        for (int i = 0; i < n; i++) {
            StringBuilder expected = new StringBuilder();
            for (int line = 0; line < 20; line++) {
                expected.append("stream ").append(i).append(" line ").append(line).append('\n');
            }
            Recorder r = recorders.get(i);
            assertEquals(expected.toString(), new String(r.bytes(), StandardCharsets.UTF_8), "stream " + i);
            assertEquals(List.of(), r.problems, "stream " + i);
            assertEquals(1, r.eofs, "stream " + i);
        }
        assertEquals(1, readers.size(), "one reader thread for every stream: " + readers);
    }

    @Test
    void largeDataArrivesWhole() throws Exception {
        CountDownLatch eof = new CountDownLatch(1);
        Recorder r = new Recorder(eof);
        Pipe.SinkChannel sink = register(r, TaskStream.STDOUT);
        byte[] big = new byte[8 * 1024 * 1024 + 17]; // far beyond a pipe's buffer and the reader's
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >> 12));
        }
        write(sink, big); // blocks until the reactor drains the pipe
        sink.close();
        await(eof);
        assertArrayEquals(big, r.bytes());
        assertEquals(List.of(), r.problems);
    }

    @Test
    void aStreamClosingEarlyEndsAloneAndTheOthersGoOn() throws Exception {
        CountDownLatch earlyEof = new CountDownLatch(1);
        CountDownLatch lateEof = new CountDownLatch(1);
        Recorder early = new Recorder(earlyEof);
        Recorder late = new Recorder(lateEof);
        Pipe.SinkChannel earlySink = register(early, TaskStream.STDERR);
        Pipe.SinkChannel lateSink = register(late, TaskStream.STDOUT);
        earlySink.close(); // before writing anything
        await(earlyEof);
        write(lateSink, "still here\n".getBytes(StandardCharsets.UTF_8));
        lateSink.close();
        await(lateEof);
        assertEquals(0, early.bytes().length);
        assertEquals(1, early.eofs);
        assertEquals("still here\n", new String(late.bytes(), StandardCharsets.UTF_8));
        assertEquals(List.of(), early.problems);
        assertEquals(List.of(), late.problems);
    }
}
