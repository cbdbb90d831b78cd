/*
 * many_live: the C reference for "many live tasks" (bench/run-many.sh): spawns N tasks of
 * `sleep SECONDS` with posix_spawn, each with its stdout and stderr on pipes of its own that the
 * parent keeps open (as a job shell keeps them, to read the tasks' output), one after the other,
 * then waits for all. Prints the time the spawns took and the total, in seconds.
 *
 *   many_live N SECONDS
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: many_live N SECONDS\n");
        return 2;
    }
    int n = atoi(argv[1]);
    char *av[] = {"sleep", argv[2], NULL};
    double t0 = now();
    for (int i = 0; i < n; i++) {
        int out[2], err[2];
        if (pipe2(out, O_CLOEXEC) < 0 || pipe2(err, O_CLOEXEC) < 0) {
            perror("pipe2");
            return 1;
        }
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, out[1], 1);
        posix_spawn_file_actions_adddup2(&fa, err[1], 2);
        posix_spawn_file_actions_addclosefrom_np(&fa, 3);
        pid_t pid;
        int rc = posix_spawnp(&pid, "sleep", &fa, NULL, av, environ);
        posix_spawn_file_actions_destroy(&fa);
        if (rc != 0) {
            fprintf(stderr, "posix_spawn: task %d: error %d\n", i, rc);
            return 1;
        }
        close(out[1]);
        close(err[1]);
    }
    double spawned = now() - t0;
    while (wait(NULL) > 0) {
    }
    printf("spawned %d in %.3f s, all ended in %.3f s\n", n, spawned, now() - t0);
    return 0;
}
