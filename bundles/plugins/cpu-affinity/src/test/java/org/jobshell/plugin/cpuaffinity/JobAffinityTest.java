package org.jobshell.plugin.cpuaffinity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jobshell.api.Args;
import org.jobshell.api.Idset;
import org.jobshell.api.Launch;
import org.jobshell.api.Options;
import org.jobshell.api.RankInfo;
import org.jobshell.api.Shell;
import org.jobshell.api.ShellLog;
import org.jobshell.api.Task;
import org.junit.jupiter.api.Test;

/**
 * What cpu-affinity binds each task of a shell to, given the cores R gives that shell: with
 * {@code -c C}, R holds tasks x C cores, so {@code per-task} gives each task its C of them.
 */
class JobAffinityTest {

    /** One shell of {@code ntasks} tasks holding {@code cores}; what each task's launch was bound to. */
    private static List<String> bind(String option, String cores, int ntasks) {
        List<String> bound = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < ntasks; i++) {
            int id = i;
            Launch launch = fake(Launch.class, Map.of("cpus", a -> bound.add(id + ":" + Idset.encode((BitSet) a[0]))));
            tasks.add(fake(Task.class, Map.of("rank", a -> id, "localId", a -> id, "launch", a -> launch)));
        }
        Task[] current = new Task[1];
        JsonNode value = option == null ? null : TextNode.valueOf(option);
        Shell shell = fake(Shell.class, Map.of(
                "options", a -> fake(Options.class, Map.of("get", b -> value)),
                "rankInfo", a -> fake(RankInfo.class, Map.of("cores", b -> cores)),
                "tasks", a -> tasks,
                "currentTask", a -> current[0],
                "log", a -> fake(ShellLog.class, Map.of())));
        JobAffinity affinity = new JobAffinity();
        affinity.init(shell, "shell.init", new Args());
        for (Task t : tasks) {
            current[0] = t;
            affinity.taskExec(shell, "task.exec", new Args());
        }
        return bound;
    }

    @Test
    void perTaskGivesEachTaskItsShareOfTheShellsCores() {
        assertEquals(List.of("0:0"), bind("per-task", "0", 1), "-n 1 -c 1");
        assertEquals(List.of("0:0-1"), bind("per-task", "0-1", 1), "-n 1 -c 2");
        assertEquals(List.of("0:0-1", "1:2-3", "2:4-5"), bind("per-task", "0-5", 3), "-n 3 -c 2");
    }

    @Test
    void perTaskSharesCoresWhenTheJobAskedForMoreThanThereAre() {
        assertEquals(List.of("0:0", "1:0", "2:1", "3:1"), bind("per-task", "0-1", 4), "-n 4 on 2 cores");
    }

    @Test
    void onBindsEveryTaskToAllTheShellsCores() {
        assertEquals(List.of("0:2-3", "1:2-3"), bind(null, "2-3", 2));
        assertEquals(List.of(), bind("off", "2-3", 2));
        assertEquals(List.of(), bind("dry-run,per-task", "2-3", 2));
    }

    /** An implementation of {@code type} answering the named methods; default methods do nothing. */
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            Function<Object[], Object> answer = answers.get(m.getName());
            if (answer != null) {
                return answer.apply(args);
            }
            if (m.isDefault()) {
                return null; // ShellLog's shortcuts: log messages are not what these tests check
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + m.getName());
        }));
    }
}
