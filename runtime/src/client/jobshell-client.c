/*
 * jobshell-client: the native client of a running jobshell daemon (docs/PROTOCOL.md).
 *
 *   jobshell-client HOME ARGS...
 *
 * bin/jobshell execs it when a daemon answers on HOME/var/run/jobshell.sock, so that a command served
 * by the daemon (run, submit, attach, jobs, ...) costs no JVM start: it sends the command line with
 * this process's environment and working directory, writes the daemon's O and E frames to its stdout
 * and stderr as they come, forwards the signals the Java client forwards (INT, TERM, HUP, USR1, USR2,
 * CONT, WINCH, ALRM) as S frames, sends its standard input as I frames as far as the daemon's credit
 * goes (an I frame from the daemon grants bytes: the command reads its input), and exits with the code
 * of the X frame.
 *
 * Whenever it cannot talk to the daemon at all (no connection, a request too large for one frame), it
 * execs HOME/bin/jobshell again, which then takes its Java client (_JOBSHELL_NO_NATIVE), which does:
 * it runs the command in a one-shot container. It is written to the protocol, not to the JVM: every
 * behaviour here has its twin in runtime/launcher's Client.java, and the end-to-end tests run both.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#define MAX_FRAME (1 << 20)
#define SOCKET_PATH "/var/run/jobshell.sock"

extern char **environ;

static const int forwarded[] = {SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGCONT, SIGWINCH, SIGALRM};
static int signal_pipe[2] = {-1, -1};
static int sock = -1;

/* ---- a growable byte buffer for the request ---- */

struct buf {
    char *data;
    size_t len, cap;
};

static void put(struct buf *b, const char *s, size_t n) {
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 8192;
        while (cap < b->len + n) cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            fputs("jobshell: error: out of memory\n", stderr);
            exit(1);
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if the bytes there are not one. */
static size_t utf8_length(const unsigned char *s, size_t left) {
    size_t n;
    uint32_t c;
    if (s[0] < 0x80) return 1;
    if ((s[0] & 0xe0) == 0xc0) n = 2, c = s[0] & 0x1f;
    else if ((s[0] & 0xf0) == 0xe0) n = 3, c = s[0] & 0x0f;
    else if ((s[0] & 0xf8) == 0xf0) n = 4, c = s[0] & 0x07;
    else return 0;
    if (n > left) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80) return 0;
        c = c << 6 | (s[i] & 0x3f);
    }
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < least[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return 0; /* overlong, surrogate */
    return n;
}

/* Appends s as a JSON string; bytes that are not UTF-8 become U+FFFD, as a JVM decodes them. */
static void quote(struct buf *b, const char *str) {
    const unsigned char *s = (const unsigned char *) str;
    size_t left = strlen(str);
    put(b, "\"", 1);
    while (left > 0) {
        size_t n = utf8_length(s, left);
        if (n == 0) {
            puts_(b, "\xef\xbf\xbd");
            n = 1;
        } else if (*s == '"' || *s == '\\') {
            put(b, "\\", 1);
            put(b, (const char *) s, 1);
        } else if (*s < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", *s);
            puts_(b, esc);
        } else {
            put(b, (const char *) s, n);
        }
        s += n;
        left -= n;
    }
    put(b, "\"", 1);
}

/* The request frame: 4-byte length, 'R', {"version":1,"args":[...],"env":{...},"cwd":"..."}. */
static struct buf request(int argc, char **argv, const char *cwd) {
    struct buf b = {0};
    put(&b, "\0\0\0\0R", 5);
    puts_(&b, "{\"version\":1,\"args\":[");
    for (int i = 0; i < argc; i++) {
        if (i > 0) put(&b, ",", 1);
        quote(&b, argv[i]);
    }
    puts_(&b, "],\"env\":{");
    int first = 1;
    for (char **e = environ; *e; e++) {
        char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue; /* not NAME=VALUE: the JVM leaves it out too */
        if (!first) put(&b, ",", 1);
        first = 0;
        *eq = '\0';
        quote(&b, *e);
        *eq = '=';
        put(&b, ":", 1);
        quote(&b, eq + 1);
    }
    puts_(&b, "},\"cwd\":");
    quote(&b, cwd);
    put(&b, "}", 1);
    uint32_t n = (uint32_t) (b.len - 4);
    unsigned char head[4] = {n >> 24, n >> 16, n >> 8, n};
    memcpy(b.data, head, 4);
    return b;
}

/* ---- I/O ---- */

/* Writes all of it; 0, or -1 with errno. Waits out a non-blocking descriptor that is full. */
static int write_all(int fd, const void *data, size_t len) {
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                struct pollfd w = {fd, POLLOUT, 0};
                poll(&w, 1, -1);
                continue;
            }
            return -1;
        }
        p += n;
        len -= (size_t) n;
    }
    return 0;
}

static void send_frame(char type, const void *payload, uint32_t len) {
    unsigned char head[5] = {(len + 1) >> 24, (len + 1) >> 16, (len + 1) >> 8, len + 1, (unsigned char) type};
    /* a daemon that went away shows when its frames stop: nothing to do about a failed send here */
    if (write_all(sock, head, 5) == 0 && len > 0) write_all(sock, payload, len);
}

static void send_signal(int number) {
    unsigned char n[4] = {(unsigned) number >> 24, (unsigned) number >> 16, (unsigned) number >> 8,
                          (unsigned) number};
    send_frame('S', n, 4);
}

static void on_signal(int number) {
    int saved = errno;
    unsigned char n = (unsigned char) number;
    (void) write(signal_pipe[1], &n, 1);
    errno = saved;
}

/* Sends the signals that came since the last call. */
static void forward_signals(void) {
    unsigned char n[64];
    ssize_t got;
    while ((got = read(signal_pipe[0], n, sizeof n)) > 0) {
        for (ssize_t i = 0; i < got; i++) send_signal(n[i]);
    }
}

static void catch_signals(void) {
    if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
        perror("jobshell: error: pipe");
        exit(1);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal; /* no SA_RESTART: a blocking read returns EINTR and forwards it */
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) sigaction(forwarded[i], &sa, NULL);
    signal(SIGPIPE, SIG_IGN); /* a reader of our output that goes away: EPIPE, handled below */
    signal(SIGTTIN, SIG_IGN); /* a read of a terminal from its background fails (EIO) instead of stopping us */
}

/* Reads exactly len bytes from the daemon, forwarding signals meanwhile; 1, or 0 at end of stream. */
static int read_exact(void *data, size_t len) {
    char *p = data;
    while (len > 0) {
        ssize_t n = read(sock, p, len);
        if (n < 0 && errno == EINTR) {
            forward_signals();
            continue;
        }
        if (n <= 0) return 0;
        p += n;
        len -= (size_t) n;
    }
    return 1;
}

static int lost(void) {
    fputs("jobshell: error: the daemon closed the connection before the command ended (it drops a client that"
          " does not read its output fast enough, and stops when asked); a job goes on: see 'jobshell jobs'\n",
          stderr);
    return 1;
}

/*
 * Sends what is readable on stdin, at most *credit bytes, as one I frame, and takes it from the credit;
 * at the end of stdin (or an error reading it) an empty I frame. Returns 0 once the input ended.
 */
static int forward_input(uint32_t *credit) {
    static char chunk[65536];
    size_t want = *credit < sizeof chunk ? *credit : sizeof chunk;
    ssize_t n;
    do {
        n = read(STDIN_FILENO, chunk, want);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EIO)) return 1; /* EIO: a terminal we are in the background of */
    send_frame('I', chunk, n > 0 ? (uint32_t) n : 0);
    if (n > 0) *credit -= (uint32_t) n;
    return n > 0;
}

/*
 * Whether stdin is a terminal whose foreground is another process group (`jobshell run app &` from an
 * interactive shell): reading it then would stop this client (SIGTTIN) and with it the job's output.
 */
static int background_terminal(void) {
    pid_t fg = tcgetpgrp(STDIN_FILENO);
    return fg >= 0 && fg != getpgrp();
}

static uint32_t number(const unsigned char *b) {
    return (uint32_t) b[0] << 24 | (uint32_t) b[1] << 16 | (uint32_t) b[2] << 8 | b[3];
}

/* The conversation after the request: frames in, signals and input out. Returns the exit code. */
static int converse(void) {
    static unsigned char body[MAX_FRAME];
    int input = 1;       /* stdin not at its end yet */
    uint32_t credit = 0; /* how much of it the daemon takes now: it grants credit when its command reads */
    for (;;) {
        int wanted = input && credit > 0;
        int reading = wanted && !background_terminal(); /* in the background: looked at again each 0.5 s */
        struct pollfd fds[3] = {{sock, POLLIN, 0}, {signal_pipe[0], POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
        if (poll(fds, reading ? 3 : 2, wanted && !reading ? 500 : -1) < 0) {
            if (errno != EINTR) return lost();
            continue;
        }
        if (fds[1].revents) forward_signals();
        if (reading && fds[2].revents) input = forward_input(&credit);
        if (!fds[0].revents) continue;
        unsigned char head[4];
        if (!read_exact(head, 4)) return lost();
        uint32_t len = number(head);
        if (len < 1 || len > MAX_FRAME) {
            fprintf(stderr, "jobshell: error: the daemon sent a bad frame (length %u)\n", len);
            return 1;
        }
        if (!read_exact(body, len)) return lost();
        switch (body[0]) {
            case 'O':
                if (write_all(STDOUT_FILENO, body + 1, len - 1) < 0) {
                    /* the reader of our output went away: end the job as a pipeline would */
                    send_signal(SIGPIPE);
                    return 128 + SIGPIPE;
                }
                break;
            case 'E':
                write_all(STDERR_FILENO, body + 1, len - 1);
                break;
            case 'I':
                /* the command reads its standard input: this many more bytes of it may be sent */
                if (len >= 5) credit += number(body + 1);
                break;
            case 'X':
                return len >= 5 ? (int) number(body + 1) : 1;
            default:
                break; /* a frame type this client does not know: skipped */
        }
    }
}

/* Runs the command through bin/jobshell's Java path instead (no daemon to talk to after all). */
static void fall_back(const char *home, int argc, char **argv) {
    char jobshell[PATH_MAX];
    snprintf(jobshell, sizeof jobshell, "%s/bin/jobshell", home);
    char **args = calloc((size_t) argc + 2, sizeof *args);
    if (!args) exit(1);
    args[0] = jobshell;
    for (int i = 0; i < argc; i++) args[i + 1] = argv[i];
    setenv("_JOBSHELL_NO_NATIVE", "1", 1);
    execv(jobshell, args);
    fprintf(stderr, "jobshell: error: %s: %s\n", jobshell, strerror(errno));
    exit(1);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: jobshell-client HOME COMMAND [ARGS...] (bin/jobshell runs it)\n", stderr);
        return 1;
    }
    const char *home = argv[1];
    argc -= 2;
    argv += 2;

    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(home) + strlen(SOCKET_PATH) >= sizeof addr.sun_path) fall_back(home, argc, argv);
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s%s", home, SOCKET_PATH);
    sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0 || connect(sock, (struct sockaddr *) &addr, sizeof addr) < 0) {
        fall_back(home, argc, argv); /* a socket left by a daemon that died, or one we may not use */
    }

    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) {
        fprintf(stderr, "jobshell: error: the working directory: %s\n", strerror(errno));
        return 1;
    }
    struct buf req = request(argc, argv, cwd);
    if (req.len - 4 > MAX_FRAME) {
        close(sock);
        fall_back(home, argc, argv); /* the Java client says what is too large */
    }
    catch_signals();
    if (write_all(sock, req.data, req.len) < 0) return lost();
    free(req.data);
    return converse();
}
