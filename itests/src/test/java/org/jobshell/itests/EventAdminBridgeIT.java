package org.jobshell.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/** Observers see the topics a job's shell dispatches through EventAdmin, with the job's data. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventAdminBridgeIT extends ContainerTestBase {

    private final List<Event> seen = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EventHandler> registration;

    /** Registers an observer of every jobshell topic. */
    @Before
    public void observe() {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/jobshell/*");
        registration = context.registerService(EventHandler.class, seen::add, props);
    }

    /** Unregisters it. */
    @After
    public void stopObserving() {
        registration.unregister();
    }

    /**
     * A two-task job whose task N exits with status N: shell/init with the job id and shell rank,
     * and one task/exit per task with its rank and exit status, after shell/init.
     */
    @Test
    public void shellAndTaskTopicsArePostedWithJobData() {
        JobResult r = jobs.run(JobspecBuilder.shell("exit $JOBSHELL_TASK_RANK").tasks(2));
        assertEquals(r.toString(), 1, r.exitCode());

        Deadline.await("shell/init and two task/exit events of job " + r.id(),
                () -> ofJob(r.id(), "org/jobshell/shell/init").size() == 1
                        && ofJob(r.id(), "org/jobshell/task/exit").size() == 2);
        Event init = ofJob(r.id(), "org/jobshell/shell/init").get(0);
        assertEquals(0, init.getProperty("shell.rank"));
        assertEquals(null, init.getProperty("task.rank"));

        Map<Object, Object> statusByTask = new TreeMap<>();
        for (Event exit : ofJob(r.id(), "org/jobshell/task/exit")) {
            assertEquals(0, exit.getProperty("shell.rank"));
            statusByTask.put(exit.getProperty("task.rank"), exit.getProperty("exit.status"));
            assertTrue("task/exit after shell/init", seen.indexOf(exit) > seen.indexOf(init));
        }
        assertEquals(Map.of(0, 0, 1, 1), statusByTask);
    }

    private List<Event> ofJob(String jobId, String topic) {
        return seen.stream().filter(e -> e.getTopic().equals(topic) && jobId.equals(e.getProperty("job.id")))
                .collect(Collectors.toList());
    }
}
