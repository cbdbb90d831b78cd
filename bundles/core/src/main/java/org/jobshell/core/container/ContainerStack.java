package org.jobshell.core.container;

import java.io.PrintStream;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jobshell.api.Args;
import org.jobshell.api.Topics;
import org.jobshell.core.stack.AttachedPlugin;
import org.jobshell.core.stack.Dispatcher;
import org.jobshell.core.stack.Failure;
import org.jobshell.core.stack.Glob;
import org.jobshell.core.stack.PluginCalls;
import org.jobshell.core.stack.PluginEntry;
import org.jobshell.core.stack.PluginSnapshot;
import org.jobshell.core.stack.PluginStack;
import org.jobshell.core.stack.Watchdog;

/**
 * The container's own plugin stack, for the container-level topics ({@code container.*},
 * {@code job.*}): the active plugin services of the registry's snapshot that handle them (with a glob
 * starting {@code container.} or {@code job.}), in the same order as a job's stack, each attached once
 * to the container (again when its service or configuration changes; then
 * it gets {@code container.init} again). Calls go through the core's {@link Dispatcher} and
 * {@link PluginCalls}, so the watchdog and the error rules are the job stack's; failures are logged
 * on the container's log naming the plugin.
 */
public final class ContainerStack implements AutoCloseable {

    private final Supplier<PluginSnapshot> snapshots;
    private final PluginCalls calls;
    private final ContainerOwner owner;
    private final JobTopics async;
    private final AtomicBoolean shut = new AtomicBoolean();
    private Map<PluginEntry, AttachedPlugin> attached = new IdentityHashMap<>();
    private PluginSnapshot current;
    private Dispatcher dispatcher;

    /**
     * @param snapshots the registry's current plugins
     * @param watchdog times every call
     * @param log the container's log
     */
    public ContainerStack(Supplier<PluginSnapshot> snapshots, Watchdog watchdog, PrintStream log) {
        this.snapshots = snapshots;
        this.calls = new PluginCalls(watchdog);
        this.owner = new ContainerOwner(log);
        this.async = new JobTopics(owner);
    }

    /**
     * @return the dispatcher of the current plugins: newly active plugins are attached and get
     *     {@code container.init} (in stack order) first
     */
    synchronized Dispatcher dispatcher() {
        PluginSnapshot s = snapshots.get();
        if (s == current) {
            return dispatcher;
        }
        PluginStack stack = new PluginStack();
        PluginStack joined = new PluginStack();
        Map<PluginEntry, AttachedPlugin> next = new IdentityHashMap<>();
        for (PluginEntry e : s.active()) {
            AttachedPlugin p = attached.get(e);
            if (p == null) {
                p = attach(e);
                if (p == null) {
                    continue;
                }
                joined.push(p);
            }
            next.put(e, p);
            stack.push(p);
        }
        attached = next;
        current = s;
        dispatcher = new Dispatcher(stack, calls);
        report(new Dispatcher(joined, calls).call(Topics.CONTAINER_INIT, new Args()), "");
        return dispatcher;
    }

    private AttachedPlugin attach(PluginEntry e) {
        AttachedPlugin p = new AttachedPlugin(e.name(), e, e.optional(), e.conf(), owner);
        Failure f = calls.attempt(p, "attach", () -> e.plugin().attach(p));
        if (f != null) {
            owner.log("warning: plugin '" + e.name() + "': cannot attach to the container: " + f.message() + " ("
                    + e.describe() + "); it gets no container topics");
            return null;
        }
        // only handlers written for container topics get them: a catch-all "*" is a job-level handler
        for (String glob : p.topics()) {
            if (!isContainerGlob(glob)) {
                p.unhandle(glob);
            }
        }
        return p.topics().isEmpty() ? null : p;
    }

    /**
     * @param glob a handler's topic glob
     * @return whether it is meant for container topics: it starts with {@code container.} or {@code job.}
     */
    static boolean isContainerGlob(String glob) {
        return glob.startsWith("container.") || glob.startsWith("job.");
    }

    /** Attaches the current plugins and calls {@code container.init} on them. */
    public void init() {
        dispatcher();
    }

    /**
     * Calls a vetoable topic ({@code job.submitting}, {@code job.killing}): stops at the first veto. A
     * failure of a plugin that is not optional refuses, as a veto does ({@code TopicRule.REFUSED}).
     *
     * @param topic the topic
     * @param args its args
     * @return null when nobody refused, else the message for the user: {@code job refused by plugin
     *     'NAME': REASON}
     */
    public String refusal(String topic, Args args) {
        AttachedPlugin[] vetoer = new AttachedPlugin[1];
        List<Failure> failures = dispatcher().call(topic, args, (plugin, a) -> {
            if (a.vetoed()) {
                vetoer[0] = plugin;
                return true;
            }
            return false;
        });
        for (Failure f : failures) {
            if (!f.plugin().optional()) {
                return "job refused by plugin '" + f.plugin().name() + "': " + topic + " failed: " + f.message();
            }
            owner.log("warning: " + f.describe() + "; optional plugin, the job is not refused");
        }
        if (vetoer[0] == null) {
            return null;
        }
        String reason = args.out().path(Args.REASON).asText("");
        return "job refused by plugin '" + vetoer[0].name() + "': " + (reason.isEmpty() ? "no reason given" : reason);
    }

    /**
     * @param topic a topic
     * @return whether a current plugin handles it
     */
    public boolean handles(String topic) {
        for (AttachedPlugin p : dispatcher().stack().snapshot()) {
            if (p.topics().stream().anyMatch(g -> Glob.compile(g).matches(topic))) { // few plugins, once a job
                return true;
            }
        }
        return false;
    }

    /**
     * @param jobId the job, for messages
     * @return a new queue for one job's asynchronous topics: they run off the job's path, one after
     *     the other in posting order, each dispatched in stack order
     */
    public JobQueue queue(String jobId) {
        return async.queue(jobId, (topic, args) -> report(dispatcher().call(topic, args), " for job " + jobId));
    }

    private void report(List<Failure> failures, String context) {
        for (Failure f : failures) {
            owner.log("error: " + f.describe() + context);
        }
    }

    /**
     * Calls {@code container.shutdown} in stack order, after the asynchronous calls queued so far (waiting
     * for them at most {@code graceMillis}); later calls do nothing.
     *
     * @param graceMillis how long to wait for queued asynchronous calls
     */
    public void shutdown(long graceMillis) {
        if (!shut.compareAndSet(false, true)) {
            return;
        }
        async.close(graceMillis);
        report(dispatcher().call(Topics.CONTAINER_SHUTDOWN, new Args()), "");
    }

    @Override
    public void close() {
        shutdown(0);
    }
}
