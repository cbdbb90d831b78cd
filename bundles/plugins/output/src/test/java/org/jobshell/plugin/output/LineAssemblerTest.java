package org.jobshell.plugin.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Task;
import org.jobshell.api.TaskStream;
import org.junit.jupiter.api.Test;

/** Raw chunks become whole lines, nothing lost (spec §8.2). */
class LineAssemblerTest {

    private final List<String> got = new ArrayList<>();
    private final OutputSink sink = new OutputSink() {
        @Override
        public void lines(int task, TaskStream stream, byte[] lines) {
            got.add(task + ":" + new String(lines, StandardCharsets.UTF_8));
        }

        @Override
        public void eof(int task, TaskStream stream) {
            got.add(task + ":EOF");
        }
    };
    private final Task task = (Task) Proxy.newProxyInstance(Task.class.getClassLoader(), new Class<?>[] {Task.class},
            (p, m, a) -> m.getName().equals("rank") ? 7 : null);

    private void feed(LineAssembler l, String chunk) {
        l.data(task, TaskStream.STDOUT, ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void partialLinesWaitForTheirEnd() {
        LineAssembler l = new LineAssembler(sink);
        feed(l, "hel");
        feed(l, "lo\nwor");
        feed(l, "ld\nand more\nta");
        l.eof(task, TaskStream.STDOUT);
        assertEquals(List.of("7:hello\n", "7:world\nand more\n", "7:ta", "7:EOF"), got);
    }

    @Test
    void aHugeLineIsPassedOnInPieces() {
        LineAssembler l = new LineAssembler(sink);
        feed(l, "x".repeat(LineAssembler.MAX_PENDING));
        assertEquals(1, got.size());
        assertEquals(LineAssembler.MAX_PENDING + 2, got.get(0).length());
    }

    @Test
    void labelsPrefixEveryLineAndEndAPartialOne() {
        assertEquals("3: a\n3: b\n3: c\n",
                new String(LeaderSink.label(3, "a\nb\nc".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        assertEquals("0: \n", new String(LeaderSink.label(0, "\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
    }
}
