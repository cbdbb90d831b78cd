package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.nio.channels.Channel;
import java.util.List;
import java.util.Map;
import org.jobshell.core.spi.SpawnRequest;
import org.jobshell.core.spi.Spawned;
import org.jobshell.core.spi.TaskLauncher;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Which launcher a job takes, and which others a shell may turn to for a channel: only launchers the
 * job's size reaches, so that a small one-shot job never pays for the posix launcher's set-up.
 */
class LauncherChoiceTest {

    private static final TaskLauncher ANY = new TaskLauncher() {
        @Override
        public Spawned spawn(SpawnRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkInheritable(Channel channel) {
        }

        @Override
        public void signal(List<? extends Spawned> processes, int signal) {
        }
    };

    private final LauncherChoice choice = new LauncherChoice();

    @SuppressWarnings("unchecked")
    private static ServiceReference<TaskLauncher> ref(String name, int ranking, long minTasks) {
        Map<String, Object> props = Map.of(TaskLauncher.NAME, name, Constants.SERVICE_RANKING, ranking,
                TaskLauncher.MIN_TASKS, minTasks);
        return (ServiceReference<TaskLauncher>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getProperty" -> props.get((String) args[0]);
                    case "compareTo" -> Integer.compare(ranking,
                            (Integer) ((ServiceReference<?>) args[0]).getProperty(Constants.SERVICE_RANKING));
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static List<String> others(JobLaunchers launchers) {
        return launchers.others().stream().map(JobLaunchers.Named::name).toList();
    }

    @Test
    void aSmallJobKeepsProcessBuilderAndMayNotTurnToALauncherItsSizeDoesNotReach() {
        choice.add(ref("processbuilder", 0, 0), ANY);
        choice.add(ref("posix", 10, 256), ANY);
        JobLaunchers small = choice.choose(4, "");
        assertEquals("processbuilder", small.chosen().name());
        assertEquals(List.of(), others(small));
        JobLaunchers large = choice.choose(256, "");
        assertEquals("posix", large.chosen().name());
        assertEquals(List.of("processbuilder"), others(large));
    }

    @Test
    void theOthersAreTheLaunchersTheSizeReachesByRankingAndNoneWhenTheSettingNamesOne() {
        choice.add(ref("processbuilder", 0, 0), ANY);
        choice.add(ref("posix", 10, 0), ANY);
        choice.add(ref("site", 20, 0), ANY);
        assertEquals("site", choice.choose(1, "").chosen().name());
        assertEquals(List.of("posix", "processbuilder"), others(choice.choose(1, "")));
        assertEquals(List.of(), others(choice.choose(1, "posix")));
    }
}
