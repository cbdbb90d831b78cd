#!/usr/bin/env bash
# bench/run-container-topics.sh: what the container-level plugin stack (issue 8) adds to a small job
# through the daemon, in one run (docs/BENCHMARKS.md section 7).
#
#   bench/run-container-topics.sh
#
# Two private copies of runtime/target/jobshell, each with its own daemon: one with the three
# container-level examples deployed and configured (job-size-limit with max-tasks = 8, job-notify
# writing a file, resource-monitor at the default 10 s polling, so it does not poll a job this
# short), one with none. `run -n 1 true` through each, in alternating pairs: the ratio is the median
# of the per-pair ratios (bench/timing.sh). The job-notify file is checked afterwards: every job of
# the first daemon wrote its line.
#
# Knobs: CLI_RUNS=20 OUT=bench/target/container-topics-results
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=$ROOT/runtime/target/jobshell
CLI_RUNS=${CLI_RUNS:-20}
OUT=${OUT:-$ROOT/bench/target/container-topics-results}
# shellcheck source=bench/timing.sh
source "$ROOT/bench/timing.sh"

[[ -x $DIST/bin/jobshell ]] || { echo "run-container-topics: build first: mvn -B package -DskipTests" >&2; exit 1; }
mkdir -p "$OUT"
WITH=$(mktemp -d /tmp/jobshell-bench-with.XXXXXX)
NONE=$(mktemp -d /tmp/jobshell-bench-none.XXXXXX)
cp -a "$DIST/." "$WITH/"
cp -a "$DIST/." "$NONE/"
for example in job-size-limit job-notify resource-monitor; do
  cp "$ROOT"/examples/$example/target/jobshell-example-$example-*.jar "$WITH/plugins/"
done
echo "max-tasks = 8" > "$WITH/etc/org.jobshell.example.jobsizelimit.cfg"
echo "file = $OUT/jobs.jsonl" > "$WITH/etc/org.jobshell.example.jobnotify.cfg"
echo "file = $OUT/usage.csv" > "$WITH/etc/org.jobshell.example.resourcemonitor.cfg"
rm -f "$OUT/jobs.jsonl" "$OUT/usage.csv"
PIDS=()

start_daemon() {
  "$1/bin/jobshell" daemon > "$OUT/daemon-$(basename "$1").log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 300); do
    [[ -f $1/var/run/jobshell.pid && -S $1/var/run/jobshell.sock ]] && return 0
    sleep 0.1
  done
  echo "run-container-topics: the daemon in $1 did not start" >&2; exit 1
}
trap 'for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; [[ -n ${KEEP:-} ]] || rm -rf "$WITH" "$NONE"' EXIT

echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
start_daemon "$WITH"
start_daemon "$NONE"
for _ in $(seq 1 100); do   # the examples deployed and configured (FileInstall)
  "$WITH/bin/jobshell" run -n 9 true >/dev/null 2>&1 || break   # refused: configured
  sleep 0.2
done
"$WITH/bin/jobshell" run -n 9 true >/dev/null 2>&1 && { echo "run-container-topics: job-size-limit never refused" >&2; exit 1; }
"$WITH/bin/jobshell" run true >/dev/null && "$NONE/bin/jobshell" run true >/dev/null   # warm

echo "== run -n 1 true through the daemon: three container-level examples vs none (median of $CLI_RUNS paired ratios)"
pair "daemon_run_-n_1_true_examples_vs_none" "$WITH/bin/jobshell run -n 1 true" "$NONE/bin/jobshell run -n 1 true" \
  | tee "$OUT/results.txt"
sleep 2
echo "RESULT job-notify lines: $(wc -l < "$OUT/jobs.jsonl") (one per job of the daemon with the examples)" | tee -a "$OUT/results.txt"
echo "raw results: $OUT"
