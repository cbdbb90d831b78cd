package org.jobshell.bench.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.jobshell.core.stack.AttachedPlugin;
import org.junit.jupiter.api.Test;

/** The benchmark stack is what the benchmarks and docs/BENCHMARKS.md say it is (no timing here). */
class StackFixtureTest {

    @Test
    void everyPluginHandlesAllFewHandleFewNoneHandleNone() {
        StackFixture plain = StackFixture.build(false);
        assertEquals(30, plain.handlersCalled(StackFixture.ALL));
        assertEquals(3, plain.handlersCalled(StackFixture.FEW));
        assertEquals(0, plain.handlersCalled(StackFixture.NONE));
    }

    @Test
    void catchAllsAddTwoToFewAndNone() {
        StackFixture withCatchAll = StackFixture.build(true);
        assertEquals(30, withCatchAll.handlersCalled(StackFixture.ALL));
        assertEquals(5, withCatchAll.handlersCalled(StackFixture.FEW));
        assertEquals(2, withCatchAll.handlersCalled(StackFixture.NONE));
    }

    @Test
    void pluginsHaveOneToThreeHandlersOfEveryGlobKind() {
        StackFixture f = StackFixture.build(true);
        AttachedPlugin[] plugins = f.stack().snapshot();
        assertEquals(StackFixture.PLUGINS, plugins.length);
        for (AttachedPlugin p : plugins) {
            int handlers = p.topics().size();
            assertTrue(handlers >= 1 && handlers <= 3, p + " has " + handlers + " handlers");
        }
        String globs = Arrays.stream(plugins).flatMap(p -> p.topics().stream()).distinct().sorted().toList()
                .toString();
        assertTrue(globs.contains("task.exit") && globs.contains("task.*") && globs.contains("*")
                && globs.contains("task.[ef]xit"), globs);
    }

    @Test
    void theFloorCallsHandlersOfManyClasses() {
        long classes = Arrays.stream(StackFixture.build(false).allHandlers()).map(Object::getClass).distinct()
                .count();
        assertEquals(Handlers.KINDS, classes, "the call site must be megamorphic, as in a real container");
    }
}
