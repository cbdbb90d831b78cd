package org.jobshell.plugin.output;

import org.jobshell.api.TaskStream;

/** Where whole lines of task output go: the terminal on the leader, the leader from other shells. */
interface OutputSink {

    /**
     * @param task the task rank
     * @param stream the stream
     * @param lines one or more whole lines (the last one may lack its newline at end of file)
     */
    void lines(int task, TaskStream stream, byte[] lines);

    /**
     * @param task the task rank
     * @param stream the stream that ended
     */
    void eof(int task, TaskStream stream);
}
