package org.jobshell.core.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.jobshell.api.ShellException;
import org.jobshell.api.admin.Job;
import org.jobshell.api.admin.JobRequest;
import org.jobshell.api.admin.JobService;
import org.jobshell.core.container.ContainerStack;
import org.jobshell.core.launch.Orphans;
import org.jobshell.core.launch.Signals;
import org.jobshell.core.spi.JobListener;
import org.jobshell.core.spi.PluginRetirement;
import org.jobshell.core.spi.TaskLauncher;
import org.jobshell.core.stack.PluginRegistry;
import org.jobshell.core.stack.PluginSnapshot;
import org.jobshell.core.stack.Watchdog;
import org.jobshell.core.util.CpuSets;
import org.jobshell.core.util.JobIds;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

/**
 * Runs jobs: validates the jobspec, derives R from this host, creates the job directory and
 * starts the shells, each with the plugin snapshot and the highest-ranked {@link TaskLauncher}
 * service of the moment. Configured by PID {@code org.jobshell.core}.
 */
@Component(service = {JobService.class, PluginRetirement.class}, configurationPid = JobServiceImpl.PID)
public final class JobServiceImpl implements JobService, PluginRetirement {

    /** The configuration PID of the core. */
    public static final String PID = "org.jobshell.core";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Set<JobRun> running = ConcurrentHashMap.newKeySet();
    private final JobTable table = new JobTable(1000);
    private final Retirements retirements = new Retirements();
    private final Object stackLock = new Object();
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

    @Reference
    private PluginRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    private final LauncherChoice launchers = new LauncherChoice();
    private final Orphans orphans = new Orphans();
    private volatile String launcherName = "";
    private Path varDir;
    private JobIds ids;
    private Watchdog watchdog;
    private ScheduledExecutorService timer;
    private volatile JobTimes times;
    private volatile JobLimits limits;
    private String hostname;
    private long uid;
    private volatile String configProblem;
    private ContainerHooks hooks;

    @Activate
    void activate(BundleContext context, Map<String, Object> config) {
        ids = new JobIds(ProcessHandle.current().pid());
        watchdog = new Watchdog(100, CoreSettings.DEFAULT_WARN_MS, CoreSettings.DEFAULT_FAIL_MS);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jobshell-kill-timer");
            t.setDaemon(true);
            return t;
        });
        hostname = HostFacts.hostname();
        uid = HostFacts.uid();
        hooks = new ContainerHooks(context, new ContainerStack(registry::snapshot, watchdog, System.err), timer);
        modified(context, config);
    }

    /**
     * Applies the configuration. Each setting comes from ConfigAdmin (PID {@value #PID}), else from
     * the framework property {@code jobshell.<name>} (etc/jobshell.properties), else its default.
     */
    @Modified
    void modified(BundleContext context, Map<String, Object> config) {
        Settings settings = new Settings(context, config);
        String var = settings.get(CoreSettings.VAR_DIR, "");
        varDir = var.isEmpty() ? defaultVarDir() : Path.of(var);
        try {
            CoreSettings core = CoreSettings.of(settings);
            watchdog.limits(core.warnMillis(), core.failMillis());
            times = core.times();
            launcherName = core.launcher();
            limits = core.limits();
            hooks.settings(core.pollSeconds(), core.drainMillis());
            configProblem = null;
        } catch (ShellException e) {
            // keep serving (jobshell plugins works) but refuse jobs until the setting is fixed
            configProblem = e.getMessage();
        }
    }

    @Deactivate
    void deactivate() {
        for (JobRun job : running) {
            job.cancel(Signals.KILL);
        }
        hooks.close();
        watchdog.close();
        timer.shutdownNow();
        orphans.close();
    }

    /**
     * @param ref a launcher service
     * @param launcher the service
     */
    @Reference(service = TaskLauncher.class, cardinality = ReferenceCardinality.AT_LEAST_ONE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeLauncher")
    void addLauncher(ServiceReference<TaskLauncher> ref, TaskLauncher launcher) {
        launchers.add(ref, launcher);
    }

    /** @param ref a launcher service going away */
    void removeLauncher(ServiceReference<TaskLauncher> ref) {
        launchers.remove(ref);
    }

    private static Path defaultVarDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jobshell-" + System.getProperty("user.name"), "var");
    }

    @Override
    public Job submit(JobRequest request) {
        return submit(request, System.getProperty("user.name"));
    }

    @Override
    public List<Job> jobs() {
        return table.jobs();
    }

    @Override
    public Optional<Job> job(String id) {
        return table.job(id);
    }

    @Override
    public Job submit(JobRequest request, String owner) {
        String problem = configProblem;
        if (problem != null) {
            throw new ShellException("bad setting: " + problem);
        }
        Jobspec jobspec = Jobspec.parse(request.jobspec());
        limits.check(jobspec);
        Path cwd = jobspec.cwd() == null ? Path.of(System.getProperty("user.dir")) : Path.of(jobspec.cwd());
        Resources r = Resources.local(jobspec, hostname, CpuSets.allowed());
        JobDirectory dir = JobDirectory.create(varDir.resolve("jobs"), ids, jobspec.json(), r.toJson(),
                jobspec.totalTasks(), mapper);
        ObjectNode in = JobArgs.of(dir.id(), owner, uid, jobspec);
        try {
            hooks.submitting(in);
        } catch (ShellException e) {
            dir.close();
            throw e;
        }
        JobContainer container = new JobContainer(launchers.choose(jobspec.totalTasks(), launcherName), watchdog, new EventBridge(eventAdmin),
                hostname, uid, mapper, timer, times, orphans);
        JobTerminal terminal = new JobTerminal(request.stdout(), request.stderr(), request.stdin());
        JobRun job;
        // the job's snapshot and its place among the running jobs, atomically against retire()
        synchronized (stackLock) {
            PluginSnapshot plugins = registry.snapshot();
            if (plugins.firstToWarn()) {
                plugins.warnings().forEach(w -> System.err.println("jobshell: warning: " + w));
            }
            job = new JobRun(dir.jobId(), jobspec, r, dir, terminal, plugins, container, cwd, owner);
            running.add(job);
        }
        table.add(job);
        tell(l -> l.submitted(job));
        CompletableFuture<Void> startedTold = new CompletableFuture<>();
        job.exitCode().whenComplete((code, error) -> {
            running.remove(job);
            table.finished(new FinishedJob(job, code == null ? 1 : code));
            retirements.check(this::held);
            // listeners hear of the end after the start, however fast the job
            startedTold.thenRun(() -> tell(l -> l.finished(job, code == null ? 1 : code)));
        });
        hooks.follow(job, in);
        job.start();
        tell(l -> l.started(job));
        startedTold.complete(null);
        return job;
    }

    @Override
    public CompletionStage<Void> retire(Bundle bundle) {
        long id = bundle.getBundleId();
        CompletionStage<Void> free;
        synchronized (stackLock) {
            registry.retire(id);
            free = retirements.add(id);
        }
        retirements.check(this::held);
        return free.thenRun(() -> registry.forget(id));
    }

    /** @param listener told about every job from now on */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeListener")
    void addListener(JobListener listener) {
        listeners.add(listener);
    }

    void removeListener(JobListener listener) {
        listeners.remove(listener);
    }

    private void tell(Consumer<JobListener> call) {
        for (JobListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                // a listener's problem is not the job's
            }
        }
    }

    /** @return whether a running job holds a plugin of the bundle */
    private boolean held(long bundleId) {
        for (JobRun job : running) {
            if (registry.holds(job.plugins(), bundleId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void validate(ObjectNode jobspec) {
        Jobspec.parse(jobspec);
    }
}
