#!/usr/bin/env bash
# bench/run-daemon.sh: the long-lived container, measured side by side with the embedded path and
# the C spawn limit, in one run (docs/BENCHMARKS.md section 4).
#
#   bench/run-daemon.sh
#
# On a private copy of runtime/target/jobshell it starts `jobshell daemon`, then:
#  1a. the native client against the Java client and `java -version`; `run -n 1 true` and
#     `run -n 64 echo x` through the daemon against `srun` (where a Slurm answers: see
#     ../shared/bench/slurm-up.sh) and spawnbench at the same N;
#  1. the same jobs one-shot (`--local`) against spawnbench and the daemon; all in alternating
#     pairs (ratios are per pair);
#  2. hot deploy: a copied-then-renamed plugin jar to its plugin.added event (p50, p95), at the
#     shipped poll interval and at 50 ms (a daemon restarted with jobshell.deploy.poll.ms=50);
#  3. the idle daemon's RSS and open descriptors, and a soak of SOAK_JOBS jobs (threads, fds, heap).
#
# Knobs: CLI_RUNS=10 DEPLOY_RUNS=20 SOAK_JOBS=2000 SPAWNBENCH=/tmp/spawnbench OUT=bench/target/daemon-results
#        PARTS=all (default) or PARTS=client: only the rows of 1a (a few minutes)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/bench/target/benchmarks.jar
DIST=$ROOT/runtime/target/jobshell
SITE_JAR=$(ls "$ROOT"/examples/site-cpu-affinity/target/jobshell-example-site-cpu-affinity-*.jar | head -1)
SPAWNBENCH=${SPAWNBENCH:-/tmp/spawnbench}
SPAWNBENCH_SRC=${SPAWNBENCH_SRC:-$ROOT/../shared/bench/spawnbench.c}
CLI_RUNS=${CLI_RUNS:-10}
DEPLOY_RUNS=${DEPLOY_RUNS:-20}
SOAK_JOBS=${SOAK_JOBS:-2000}
OUT=${OUT:-$ROOT/bench/target/daemon-results}
# shellcheck source=bench/timing.sh
source "$ROOT/bench/timing.sh"

[[ -x $DIST/bin/jobshell && -f $JAR ]] || { echo "run-daemon: build first: mvn -B package -DskipTests" >&2; exit 1; }
[[ -x $SPAWNBENCH ]] || gcc -O2 -o "$SPAWNBENCH" "$SPAWNBENCH_SRC"
mkdir -p "$OUT"
HOME_DIR=$(mktemp -d /tmp/jobshell-bench.XXXXXX)
cp -a "$DIST/." "$HOME_DIR/"
rm -f "$HOME_DIR"/var/cache/aot-client-*   # the original's AOT cache names its class path: made again here
J=$HOME_DIR/bin/jobshell
DAEMON_PID=

start_daemon() {
  "$J" daemon > "$OUT/daemon.log" 2>&1 &
  DAEMON_PID=$!
  for _ in $(seq 1 300); do
    [[ -f $HOME_DIR/var/run/jobshell.pid && -S $HOME_DIR/var/run/jobshell.sock ]] && return 0
    sleep 0.1
  done
  echo "run-daemon: the daemon did not start: $(cat "$OUT/daemon.log")" >&2; exit 1
}
stop_daemon() {
  if [[ -n $DAEMON_PID ]]; then kill -TERM "$DAEMON_PID" 2>/dev/null || true; wait "$DAEMON_PID" 2>/dev/null || true; fi
  DAEMON_PID=
}
trap 'stop_daemon; rm -rf "$HOME_DIR"' EXIT

echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
start_daemon
"$J" run true >/dev/null   # first job: classes loaded, caches warm
# on JDK 25+ that first client starts the training of the clients' AOT cache: measure with it made
for _ in $(seq 1 600); do
  compgen -G "$HOME_DIR/var/cache/aot-client-*.lock" >/dev/null || break
  sleep 0.1
done

rows=$OUT/cli-results.txt
: > "$rows"
echo "== 1a. the clients: the native one (lib/jobshell-client) against the Java one and a JVM that does nothing,"
echo "       and jobs through the daemon against Slurm's srun where a Slurm answers (median of $CLI_RUNS paired ratios)"
N="env JOBSHELL_CLIENT=native $J" JC="env JOBSHELL_CLIENT=java $J"
if [[ -x $HOME_DIR/lib/jobshell-client ]]; then
  pair "daemon_run_-n_1_true_native_vs_java_client" "$N run -n 1 true" "$JC run -n 1 true" | tee -a "$rows"
  pair "daemon_client_(jobs)_native_vs_java_-version" "$N jobs" "java -version" | tee -a "$rows"
fi
pair "daemon_client_(jobs)_java_vs_java_-version" "$JC jobs" "java -version" | tee -a "$rows"
if command -v srun >/dev/null && timeout 20 srun -n 1 -O true >/dev/null 2>&1; then
  pair "daemon_run_-n_1_true_vs_srun" "$N run -n 1 true" "srun -n 1 -O true" | tee -a "$rows"
  pair "daemon_run_-n_64_echo_x_vs_srun" "$N run -n 64 echo x" "srun -n 64 -O echo x" | tee -a "$rows"
else
  echo "(no Slurm answers: ../shared/bench/slurm-up.sh starts one; the srun rows are skipped)"
fi
pair "daemon_run_-n_1_true_vs_C" "$N run -n 1 true" "$SPAWNBENCH spawn 1 1 0" | tee -a "$rows"
pair "daemon_run_-n_64_echo_x_vs_C" "$N run -n 64 echo x" "$SPAWNBENCH spawn 64 64 1" | tee -a "$rows"
if [[ ${PARTS:-all} == client ]]; then
  stop_daemon
  echo "raw results: $OUT"
  exit 0
fi

echo "== 1. jobs through the daemon vs one-shot vs C (median of $CLI_RUNS paired ratios)"
pair "local_run_-n_1_true_vs_C" "$J run --local -n 1 true" "$SPAWNBENCH spawn 1 1 0" | tee -a "$rows"
pair "daemon_vs_local_run_-n_1_true" "$J run -n 1 true" "$J run --local -n 1 true" | tee -a "$rows"
pair "local_run_-n_64_echo_x_vs_C" "$J run --local -n 64 echo x" "$SPAWNBENCH spawn 64 64 1" | tee -a "$rows"
pair "daemon_vs_local_run_-n_64_echo_x" "$J run -n 64 echo x" "$J run --local -n 64 echo x" | tee -a "$rows"

echo "== 3a. the idle daemon"
sleep 2
echo "RESULT idle_rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$DAEMON_PID/status") idle_fds=$(ls "/proc/$DAEMON_PID/fd" | wc -l) threads=$(awk '/Threads/ { print $2 }' "/proc/$DAEMON_PID/status")" | tee "$OUT/idle.txt"

echo "== 2. hot deploy, shipped poll interval (250 ms)"
java -cp "$JAR" org.jobshell.bench.daemon.DeployLatency "$HOME_DIR" "$SITE_JAR" "$DEPLOY_RUNS" | tee "$OUT/deploy-250.txt"

echo "== 3b. soak: $SOAK_JOBS jobs of 2 tasks, 4 at a time"
java -cp "$JAR" org.jobshell.bench.daemon.DaemonSoak "$HOME_DIR/var/run/jobshell.sock" "$DAEMON_PID" "$SOAK_JOBS" 4 \
  $((SOAK_JOBS / 4)) | tee "$OUT/soak.txt"
stop_daemon

echo "== 2. hot deploy, jobshell.deploy.poll.ms=50"
echo "jobshell.deploy.poll.ms=50" > "$HOME_DIR/etc/jobshell.properties"
start_daemon
java -cp "$JAR" org.jobshell.bench.daemon.DeployLatency "$HOME_DIR" "$SITE_JAR" "$DEPLOY_RUNS" | tee "$OUT/deploy-50.txt"
stop_daemon
echo "raw results: $OUT"
