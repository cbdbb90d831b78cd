package org.jobshell.core.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.ScheduledExecutorService;
import org.jobshell.core.launch.Orphans;
import org.jobshell.core.stack.Watchdog;

/**
 * What a job needs from the container.
 *
 * @param launchers start the tasks
 * @param watchdog times plugin callbacks
 * @param bridge posts topics to EventAdmin
 * @param hostname this host's name
 * @param uid the owner's uid (in the service name)
 * @param mapper serializes what shells exchange
 * @param timer runs the kill escalation of cancelled jobs and time limits
 * @param times how long the job waits for tasks
 * @param orphans kills what tasks leave behind
 */
record JobContainer(JobLaunchers launchers, Watchdog watchdog, EventBridge bridge, String hostname, long uid,
        ObjectMapper mapper, ScheduledExecutorService timer, JobTimes times, Orphans orphans) {
}
