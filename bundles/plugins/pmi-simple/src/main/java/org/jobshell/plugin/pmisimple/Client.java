package org.jobshell.plugin.pmisimple;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One task's connection to its shell's PMI server, as the protocol sees it: who it is, how far it got,
 * and where its responses go.
 */
final class Client {

    private final Consumer<String> out;
    private int rank;
    private Stage stage = Stage.CONNECTED;
    private List<String> spawn;

    /**
     * @param rank the task's rank, or -1 until a {@code PMI_PORT} client's {@code initack} names it
     * @param out sends one response line (with its newline) to the task
     */
    Client(int rank, Consumer<String> out) {
        this.rank = rank;
        this.out = out;
    }

    int rank() {
        return rank;
    }

    void rank(int taskRank) {
        rank = taskRank;
    }

    void send(String line) {
        out.accept(line + "\n");
    }

    /** How far a client got in the protocol. */
    enum Stage {
        /** Connected: a task that is no MPI program may leave at any time. */
        CONNECTED,
        /** After {@code init}: leaving now, without {@code finalize}, strands the others. */
        STARTED,
        /** After {@code finalize} or {@code abort}. */
        DONE
    }

    Stage stage() {
        return stage;
    }

    void stage(Stage reached) {
        stage = reached;
    }

    /** @return the lines of the multi-line command in progress ({@code mcmd=spawn}), or null */
    List<String> spawn() {
        return spawn;
    }

    void startSpawn() {
        spawn = new ArrayList<>();
    }

    void endSpawn() {
        spawn = null;
    }

    /** @return how messages name it */
    String who() {
        return rank < 0 ? "a task" : "task " + rank;
    }
}
