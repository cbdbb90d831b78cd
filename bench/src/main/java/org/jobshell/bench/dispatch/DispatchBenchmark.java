package org.jobshell.bench.dispatch;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jobshell.api.Args;
import org.jobshell.api.Handler;
import org.jobshell.api.Shell;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Failure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Dispatcher#call} on the 30-plugin {@link StackFixture}, for a topic that every plugin
 * handles, one that few handle and one that none handles, beside the floor: a plain loop calling the
 * same 30 handlers. Divide {@code all} and {@code floor} by 30 for the cost per handler.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchBenchmark {

    /** Whether two plugins of the stack handle {@code *}. */
    @Param({"false", "true"})
    public boolean catchAll;

    private Dispatcher dispatcher;
    private Handler[] handlers;
    private Shell shell;
    private Hits hits;
    private final Args args = new Args();

    /** Builds the stack. */
    @Setup
    public void setUp() {
        StackFixture fixture = StackFixture.build(catchAll);
        dispatcher = fixture.dispatcher();
        handlers = fixture.allHandlers();
        shell = fixture.shell();
        hits = fixture.hits();
    }

    /** @return the failures (none): dispatch of a topic all 30 plugins handle */
    @Benchmark
    public List<Failure> all() {
        return dispatcher.call(StackFixture.ALL, args);
    }

    /** @return the failures (none): dispatch of a topic 3 plugins handle */
    @Benchmark
    public List<Failure> few() {
        return dispatcher.call(StackFixture.FEW, args);
    }

    /** @return the failures (none): dispatch of a topic no plugin handles */
    @Benchmark
    public List<Failure> none() {
        return dispatcher.call(StackFixture.NONE, args);
    }

    /**
     * The floor: the same 30 handlers called from a plain loop, with a try/catch as dispatch has.
     *
     * @return the call count, so the loop is not dropped
     * @throws Exception never (the handlers only count)
     */
    @Benchmark
    public long floor() throws Exception {
        for (Handler h : handlers) {
            h.handle(shell, StackFixture.ALL, args);
        }
        return hits.count;
    }
}
