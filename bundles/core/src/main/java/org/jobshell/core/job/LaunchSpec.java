package org.jobshell.core.job;

import java.nio.channels.Channel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jobshell.api.Environment;
import org.jobshell.api.Launch;

/** What one task will run; fixed once the task started. */
final class LaunchSpec implements Launch {

    private final List<String> argv;
    private final TaskEnvironment environment;
    private final List<String> wrapper = new ArrayList<>();
    private final List<Channel> inherited = new ArrayList<>();
    private final Consumer<Channel> inheritable;
    private Path cwd;
    private BitSet cpus;
    private Channel stdin;
    private boolean started;

    /**
     * @param argv the command
     * @param environment the task's environment
     * @param cwd its working directory
     * @param inheritable checks that the launcher can pass a channel (throws IllegalArgumentException)
     */
    LaunchSpec(List<String> argv, TaskEnvironment environment, Path cwd, Consumer<Channel> inheritable) {
        this.argv = new GuardedList(new ArrayList<>(argv));
        this.environment = environment;
        this.cwd = cwd;
        this.inheritable = inheritable;
    }

    /** A list that refuses changes once the task started. */
    private final class GuardedList extends java.util.AbstractList<String> {
        private final List<String> items;

        GuardedList(List<String> items) {
            this.items = items;
        }

        @Override
        public String get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public String set(int index, String element) {
            checkNotStarted();
            return items.set(index, Objects.requireNonNull(element));
        }

        @Override
        public void add(int index, String element) {
            checkNotStarted();
            items.add(index, Objects.requireNonNull(element));
        }

        @Override
        public String remove(int index) {
            checkNotStarted();
            return items.remove(index);
        }
    }

    @Override
    public List<String> argv() {
        return argv;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public synchronized Path cwd() {
        return cwd;
    }

    @Override
    public synchronized void cwd(Path dir) {
        checkNotStarted();
        this.cwd = Objects.requireNonNull(dir);
    }

    @Override
    public synchronized void wrap(List<String> command) {
        checkNotStarted();
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("a wrapper needs a command");
        }
        wrapper.addAll(0, command);
    }

    @Override
    public synchronized List<String> wrapper() {
        return Collections.unmodifiableList(new ArrayList<>(wrapper));
    }

    @Override
    public synchronized void cpus(BitSet set) {
        checkNotStarted();
        this.cpus = set == null || set.isEmpty() ? null : (BitSet) set.clone();
    }

    @Override
    public synchronized BitSet cpus() {
        return cpus == null ? null : (BitSet) cpus.clone();
    }

    @Override
    public synchronized int inherit(Channel channel) {
        checkNotStarted();
        if (channel == null || !channel.isOpen()) {
            throw new IllegalArgumentException("only an open channel can be inherited");
        }
        inheritable.accept(channel);
        inherited.add(channel);
        return 2 + inherited.size();
    }

    @Override
    public synchronized void stdin(Channel channel) {
        checkNotStarted();
        if (channel != null) {
            if (!channel.isOpen()) {
                throw new IllegalArgumentException("only an open channel can be a task's standard input");
            }
            inheritable.accept(channel);
        }
        this.stdin = channel;
    }

    @Override
    public synchronized Channel stdin() {
        return stdin;
    }

    synchronized List<Channel> inherited() {
        return List.copyOf(inherited);
    }

    @Override
    public synchronized List<String> commandLine() {
        List<String> all = new ArrayList<>(wrapper);
        all.addAll(argv);
        return all;
    }

    synchronized void markStarted() {
        started = true;
        environment.freeze();
    }

    private synchronized void checkNotStarted() {
        if (started) {
            throw new IllegalStateException("the task has started: its launch can no longer change");
        }
    }
}
