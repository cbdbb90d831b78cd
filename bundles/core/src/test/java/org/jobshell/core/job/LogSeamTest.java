package org.jobshell.core.job;

import static org.jobshell.core.job.JobHarness.jobspec;
import static org.jobshell.core.job.JobHarness.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jobshell.api.LogLevel;
import org.jobshell.api.Topics;
import org.junit.jupiter.api.Test;

/**
 * The shell log as a seam (the evlog builtin's): every message is offered on {@code shell.log}; one a
 * plugin marks handled is that plugin's to show ({@code Shell.recordLog}, whatever its level), and
 * one nobody takes is shown and recorded by the core up to the job's level, which the stack is told
 * once on {@code shell.log-setlevel}.
 */
class LogSeamTest extends JobHarnessTestBase {

    private void talker() {
        harness.plugin("talker", 40, false, p -> p.handle("shell.init", (s, t, a) -> {
            s.log().notice("hello");
            s.log().debug("details");
        }));
    }

    @Test
    void aMessageNoPluginTakesIsShownAndRecordedByTheCoreUpToTheJobsLevel() {
        talker();
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        assertEquals(List.of("jobshell[0]: talker: hello"), r.errorLines());
        assertEquals(List.of("hello"), logged(r));

        var verbose = jobspec(1, 1, "true");
        options(verbose).put("verbose", 1);
        assertEquals(List.of("jobshell[0]: talker: hello", "jobshell[0]: DEBUG: talker: details"),
                harness.run(verbose).errorLines().subList(0, 2));
    }

    @Test
    void aMessageAPluginHandlesIsOnlyWhatThatPluginMakesOfIt() {
        talker();
        harness.plugin("site-log", 12, false, p -> p.handle(Topics.SHELL_LOG, (s, t, a) -> {
            if (a.in().path("message").asText().equals("details")) {
                s.recordLog(LogLevel.DEBUG, "site-log", "took " + a.in().path("component").asText() + ": details");
            }
            a.markHandled();
        }));
        JobHarness.Result r = harness.run(jobspec(1, 1, "true"));
        assertEquals(List.of("jobshell[0]: DEBUG: site-log: took talker: details"), r.errorLines());
        assertEquals(List.of("took talker: details"), logged(r));
    }

    @Test
    void eachShellsStackIsToldAJobLevelAboveNoticeOnceBeforeShellInit() {
        List<String> told = new CopyOnWriteArrayList<>();
        harness.plugin("level", 12, false, p -> p
                .handle(Topics.SHELL_LOG_SETLEVEL, (s, t, a) -> told.add(s.info().rank() + " " + a.in()))
                .handle("shell.init", (s, t, a) -> told.add(s.info().rank() + " shell.init")));
        var spec = jobspec(2, 2, "true");
        options(spec).put("verbose", 2);
        assertEquals(0, harness.run(spec).exitCode());
        for (int rank = 0; rank < 2; rank++) {
            String shell = rank + " ";
            assertEquals(List.of(shell + "{\"dest\":\"any\",\"level\":7}", shell + "shell.init"),
                    told.stream().filter(l -> l.startsWith(shell)).collect(Collectors.toList()));
        }
        told.clear();
        harness.run(jobspec(1, 1, "true"));
        assertEquals(List.of("0 shell.init"), told); // NOTICE: the default, not told
    }

    private static List<String> logged(JobHarness.Result r) {
        return r.events("output").stream().filter(e -> e.get("name").asText().equals("log"))
                .map(e -> e.get("context").path("message").asText()).collect(Collectors.toList());
    }
}
