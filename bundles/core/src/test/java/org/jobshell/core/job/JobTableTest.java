package org.jobshell.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.stream.Collectors;
import org.jobshell.api.admin.Job;
import org.junit.jupiter.api.Test;

/** A long-lived container lists every running job and only the latest finished ones. */
class JobTableTest {

    private static Job job(String id) {
        return (Job) Proxy.newProxyInstance(Job.class.getClassLoader(), new Class<?>[] {Job.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("id")) {
                        return id;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void finishedJobsBeyondTheLimitAreForgottenOldestFirstAndRunningOnesNever() {
        JobTable table = new JobTable(2);
        for (String id : List.of("f1", "f2", "f3", "f4")) {
            table.add(job(id));
        }
        table.finished(job("f2"));
        table.finished(job("f3"));
        table.finished(job("f4"));
        assertEquals(List.of("f1", "f3", "f4"), table.jobs().stream().map(Job::id).collect(Collectors.toList()));
        assertEquals(true, table.job("f1").isPresent(), "f1 still runs");
        assertEquals(false, table.job("f2").isPresent());
    }
}
