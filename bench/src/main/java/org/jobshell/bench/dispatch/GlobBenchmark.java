package org.jobshell.bench.dispatch;

import java.util.concurrent.TimeUnit;
import org.jobshell.core.stack.Glob;
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

/** {@link Glob#matches} for each kind of glob, on a topic it matches and on one it misses. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GlobBenchmark {

    /** The glob: literal, prefix, any, bracket set, and a star in the middle. */
    @Param({"task.exit", "task.*", "*", "task.[ef]xit", "task.*xit"})
    public String glob;

    private Glob compiled;
    // fields holding copies, not constants: the JIT must not fold the match away
    private String hit;
    private String miss;

    /** Compiles the glob. */
    @Setup
    public void setUp() {
        compiled = Glob.compile(glob);
        hit = new String("task.exit".toCharArray());
        miss = new String("shell.init".toCharArray());
    }

    /** @return true: the topic matches */
    @Benchmark
    public boolean hit() {
        return compiled.matches(hit);
    }

    /** @return false (a different topic, {@code shell.init}), except for {@code *} */
    @Benchmark
    public boolean miss() {
        return compiled.matches(miss);
    }
}
