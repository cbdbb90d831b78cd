package org.jobshell.core.job;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The IN object of the container-level job topics: what a policy or a notifier needs to know about a
 * job, {@code {id, owner, uid, jobspec: {ntasks, nnodes, command, cwd, options}}} (docs/PLUGINS.md).
 */
final class JobArgs {

    private JobArgs() {
    }

    /**
     * @param id the job id
     * @param owner the submitting user's name
     * @param selfUid this process's uid, the owner's when it is this process's user
     * @param spec the job's jobspec
     * @return the IN object, a fresh copy for each call
     */
    static ObjectNode of(String id, String owner, long selfUid, Jobspec spec) {
        ObjectNode in = JsonNodeFactory.instance.objectNode();
        in.put("id", id);
        in.put("owner", owner);
        in.put("uid", owner.equals(System.getProperty("user.name")) ? selfUid : uidOf(owner));
        ObjectNode js = in.putObject("jobspec");
        js.put("ntasks", spec.totalTasks());
        js.put("nnodes", spec.nnodes());
        spec.command().forEach(js.putArray("command")::add);
        js.put("cwd", spec.cwd() == null ? System.getProperty("user.dir") : spec.cwd());
        js.set("options", spec.options().deepCopy());
        return in;
    }

    /** @return the uid /etc/passwd gives the user, or -1 when it has none */
    private static long uidOf(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 2 && f[0].equals(user)) {
                    return Long.parseLong(f[2]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
