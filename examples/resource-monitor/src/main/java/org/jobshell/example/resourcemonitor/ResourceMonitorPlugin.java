package org.jobshell.example.resourcemonitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Topics;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin {@code resource-monitor}: at every {@code job.polling} of a running job (every
 * {@code job.poll-interval} seconds), appends {@code jobid,counter,cpu_seconds,rss_kb} to the CSV file
 * its configuration {@code org.jobshell.example.resourcemonitor} names ({@code file}): the CPU time
 * (user + system) and resident memory of the job's running tasks, summed, read from
 * {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}. A task that ended between the poll and the
 * read counts 0.
 */
@Component(configurationPid = ResourceMonitorPlugin.PID,
        property = {ShellPlugin.NAME + "=resource-monitor", "service.ranking:Integer=100"})
public final class ResourceMonitorPlugin implements ShellPlugin {

    /** The configuration PID. */
    public static final String PID = "org.jobshell.example.resourcemonitor";
    /** The CSV header, written when the file is new. */
    static final String HEADER = "jobid,counter,cpu_seconds,rss_kb\n";
    /** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    @Override
    public void attach(PluginContext plugin) {
        JsonNode file = plugin.conf().get("file");
        if (file == null || file.asText().isBlank()) {
            return;
        }
        Path csv = Path.of(file.asText().trim());
        Object lock = new Object();
        plugin.handle(Topics.JOB_POLLING, (shell, topic, args) -> {
            long ticks = 0;
            long rss = 0;
            for (JsonNode pid : args.in().path("pids")) {
                ticks += cpuTicks(pid.asLong());
                rss += rssKb(pid.asLong());
            }
            String row = String.format("%s,%d,%.2f,%d%n", args.in().path("id").asText(),
                    args.in().path("count").asInt(), ticks / TICKS, rss);
            synchronized (lock) {
                if (!Files.exists(csv)) {
                    Files.writeString(csv, HEADER, StandardCharsets.UTF_8, StandardOpenOption.CREATE);
                }
                Files.writeString(csv, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
        });
    }

    /** @return utime + stime of a process, 0 when it is gone */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** @return the resident set size of a process in kB, 0 when it is gone */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
