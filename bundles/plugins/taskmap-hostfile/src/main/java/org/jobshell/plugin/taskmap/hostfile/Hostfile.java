package org.jobshell.plugin.taskmap.hostfile;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jobshell.api.Hostlist;
import org.jobshell.api.ShellException;
import org.jobshell.api.TaskMap;

/** The hostfile scheme (spec §7.2): the file's hosts in order, one per task, reused cyclically. */
final class Hostfile {

    private Hostfile() {
    }

    /**
     * @param file the host file
     * @return its hosts, hostlists expanded, in order
     * @throws ShellException naming the file and what is wrong
     */
    static List<String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new ShellException("hostfile " + file + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new ShellException("hostfile " + file + ": Permission denied");
        } catch (IOException e) {
            throw new ShellException("hostfile " + file + ": cannot read: " + e.getMessage());
        }
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                hosts.addAll(Hostlist.expand(line));
            } catch (IllegalArgumentException e) {
                throw new ShellException("hostfile " + file + ": line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (hosts.isEmpty()) {
            throw new ShellException("hostfile " + file + ": no hosts in it");
        }
        return hosts;
    }

    /**
     * @param hosts the file's hosts
     * @param nodeNames the host of each shell rank of the job
     * @param totalTasks the number of tasks
     * @return the map placing task i on the (first) shell of host {@code hosts[i mod hosts]}
     * @throws ShellException {@code host H not found in job nodelist}
     */
    static TaskMap map(List<String> hosts, List<String> nodeNames, int totalTasks) {
        int[] nodeOf = new int[totalTasks];
        for (int t = 0; t < totalTasks; t++) {
            String host = hosts.get(t % hosts.size());
            int node = nodeNames.indexOf(host);
            if (node < 0) {
                throw new ShellException("host " + host + " not found in job nodelist");
            }
            nodeOf[t] = node;
        }
        return TaskMap.ofNodes(nodeOf);
    }
}
