package org.jobshell.example.jobsizelimit;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobshell.api.PluginContext;
import org.jobshell.api.ShellException;
import org.jobshell.api.ShellPlugin;
import org.jobshell.api.Topics;
import org.osgi.service.component.annotations.Component;

/**
 * Example plugin {@code job-size-limit}: refuses, at {@code job.submitting}, a job that asks for more
 * tasks than {@code max-tasks}, read from its ConfigAdmin configuration
 * {@code org.jobshell.example.jobsizelimit} ({@code etc/org.jobshell.example.jobsizelimit.cfg} in the
 * daemon; editing the file applies to the next submission). Without {@code max-tasks} it refuses
 * nothing. A {@code max-tasks} that is not a whole number refuses every job, naming the problem: a
 * broken policy fails closed.
 */
@Component(configurationPid = JobSizeLimitPlugin.PID,
        property = {ShellPlugin.NAME + "=job-size-limit", "service.ranking:Integer=100"})
public final class JobSizeLimitPlugin implements ShellPlugin {

    /** The configuration PID. */
    public static final String PID = "org.jobshell.example.jobsizelimit";

    @Override
    public void attach(PluginContext plugin) {
        JsonNode max = plugin.conf().get("max-tasks");
        if (max == null) {
            return;
        }
        plugin.handle(Topics.JOB_SUBMITTING, (shell, topic, args) -> {
            int limit = limit(max);
            int ntasks = args.in().path("jobspec").path("ntasks").asInt();
            if (ntasks > limit) {
                args.veto(ntasks + " tasks asked, at most " + limit + " allowed (max-tasks in " + PID + ")");
            }
        });
    }

    private static int limit(JsonNode max) {
        String text = max.asText().trim();
        try {
            int limit = Integer.parseInt(text);
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ShellException("max-tasks in " + PID + " must be a whole number > 0, got '" + text + "'");
    }
}
