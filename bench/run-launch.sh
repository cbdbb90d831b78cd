#!/usr/bin/env bash
# bench/run-launch.sh: launching tasks, measured side by side with the C posix_spawn limit.
#
#   bench/run-launch.sh              # both parts
#   bench/run-launch.sh --launch     # part 1 only: warm in-process ProcessBuilderLauncher vs C
#   bench/run-launch.sh --cli        # part 2 only: the jobshell CLI (whole process) vs C
#
# Part 1 runs bench/target/benchmarks.jar's LaunchBench once per JVM configuration (JDK 17 with
# -Djdk.lang.Process.launchMechanism=VFORK, JDK 17 default, JDK 25 default, JDK 25 with the posix
# launcher). Each JVM stays warm and
# runs the C harness itself between its own rounds (A B B A ...), so both see the same machine.
# Part 2 times `jobshell run -n N true|echo x` and the cold start of `jobshell run true`, paired
# with spawnbench at the same N (and `java -version`), alternating, and is skipped with a message
# when runtime/target/jobshell/bin/jobshell has not been built.
#
# Every figure that matters is a ratio: the machine is shared and noisy. Knobs (environment):
#   ROUNDS=7 NS=64,1000 THREADS=1,2 INFLIGHT=64   part 1
#   CLI_RUNS=10 CLI_NS="1 64 1000" JOBSHELL=path   part 2 (CLI_RUNS pairs per row)
#   JDK17=... JDK25=... SPAWNBENCH=/tmp/spawnbench SPAWNBENCH_SRC=.../spawnbench.c
#   OUT=dir (default bench/target/launch-results): raw logs are kept there
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/bench/target/benchmarks.jar
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
SPAWNBENCH=${SPAWNBENCH:-/tmp/spawnbench}
SPAWNBENCH_SRC=${SPAWNBENCH_SRC:-$ROOT/../shared/bench/spawnbench.c}
ROUNDS=${ROUNDS:-7}
NS=${NS:-64,1000}
THREADS=${THREADS:-1,2}
INFLIGHT=${INFLIGHT:-64}
JOBSHELL=${JOBSHELL:-$ROOT/runtime/target/jobshell/bin/jobshell}
CLI_RUNS=${CLI_RUNS:-10}
CLI_NS=${CLI_NS:-1 64 1000}
OUT=${OUT:-$ROOT/bench/target/launch-results}

part_launch=1
part_cli=1
case "${1:-}" in
  --launch) part_cli=0 ;;
  --cli) part_launch=0 ;;
  "") ;;
  *) echo "usage: $0 [--launch|--cli]" >&2; exit 2 ;;
esac

mkdir -p "$OUT"

spawnbench() {
  if [[ ! -x $SPAWNBENCH || $SPAWNBENCH_SRC -nt $SPAWNBENCH ]]; then
    [[ -f $SPAWNBENCH_SRC ]] || { echo "run-launch: no $SPAWNBENCH_SRC (set SPAWNBENCH_SRC)" >&2; exit 1; }
    gcc -O2 -o "$SPAWNBENCH" "$SPAWNBENCH_SRC"
  fi
}

machine_notes() {
  echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# ---------------------------------------------------------------- part 1: warm, in process
run_launch() {
  if [[ ! -f $JAR ]]; then
    echo "== building $JAR (mvn -B package, no install)"
    # on JDK 22+ the jar holds the posix launcher too (the posix-launcher profile)
    (cd "$ROOT" && JAVA_HOME=${JDK25:-$JAVA_HOME} mvn -B -q package -pl bench -am -DskipTests)
  fi
  local results=$OUT/launch-results.txt
  : > "$results"
  local configs=(
    "jdk17-vfork|$JDK17|-Djdk.lang.Process.launchMechanism=VFORK"
    "jdk17-default|$JDK17|"
    "jdk25-default|$JDK25|"
    "jdk25-posix|$JDK25|-Dbench.launcher=org.jobshell.posix.PosixLauncher --enable-native-access=ALL-UNNAMED"
  )
  for c in "${configs[@]}"; do
    IFS='|' read -r label home props <<<"$c"
    if [[ ! -x $home/bin/java ]]; then
      echo "== $label: no $home/bin/java, skipped (set JDK17/JDK25)"
      continue
    fi
    echo "== $label: $home/bin/java $props"
    # shellcheck disable=SC2086 # $props is a few words
    "$home/bin/java" --add-opens java.base/sun.nio.ch=ALL-UNNAMED $props -cp "$JAR" \
      org.jobshell.bench.launch.LaunchBench --label="$label" --spawnbench="$SPAWNBENCH" \
      --n="$NS" --threads="$THREADS" --inflight="$INFLIGHT" --rounds="$ROUNDS" \
      2> >(tee "$OUT/$label.stderr" >&2) | tee "$OUT/$label.log"
    grep '^RESULT ' "$OUT/$label.log" >> "$results" || true
  done
  echo
  echo "== Warm in-process launching: Java time / C posix_spawn time (medians of $ROUNDS paired rounds, $INFLIGHT in flight)"
  echo "   C ref: spawnbench spawn N $INFLIGHT (true: no pipes; echo: captured). 'vs C pipes': C giving /bin/true the same pipes."
  echo "   target: Java time <= 2.0x C (>= 0.5x the C rate). bare: a bare ProcessBuilder per task, output discarded"
  echo "   (the JDK's own floor); jav/bare: what the launcher adds to it. fds: the JVM's open descriptors idle/at end of launch"
  awk '
    function get(k,  i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
    BEGIN { printf "%-14s %-5s %5s %3s %8s %8s %6s %7s %8s %6s %8s %8s %7s %6s\n", "config", "cmd", "N", "thr",
            "java ms", "C ms", "ratio", "C rate", "vs pipes", "target", "bare ms", "jav/bare", "bare/C", "fds" }
    { r = get("ratio") + 0
      printf "%-14s %-5s %5s %3s %8.1f %8.1f %6.2f %6.2fx %8s %6s %8s %8s %7s %6s\n", get("label"), get("cmd"),
             get("n"), get("threads"), get("java_ms"), get("c_ms"), r, 1 / r, get("ratio_io"),
             (r <= 2.0 ? "ok" : "MISS"), get("bare_ms"), get("java_bare"), get("bare_c"),
             get("fds_idle") "/" get("fds_peak") }' "$results" | tee "$OUT/launch-table.txt"
}

# ---------------------------------------------------------------- part 2: the CLI, whole process
# shellcheck source=bench/timing.sh
source "$ROOT/bench/timing.sh"

# cli_fds: open descriptors of the CLI's JVM while a task runs (every one costs every spawn)
cli_fds() {
  local pid jvm="" p n
  "$JOBSHELL" run sleep 3 >/dev/null 2>&1 &
  pid=$!
  sleep 2
  # the JVM is the CLI process itself (exec java) or one of its descendants
  for p in $pid $(ps -e -o pid=,ppid= | awk -v root="$pid" '
      { parent[$1] = $2 }
      END { for (p in parent) { q = p; while (q in parent && q != root && q > 1) q = parent[q]; if (q == root && p != root) print p } }'); do
    if [[ $(readlink "/proc/$p/exe" 2>/dev/null) == */java ]]; then jvm=$p; break; fi
  done
  if [[ -n $jvm ]]; then
    n=$(find "/proc/$jvm/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    echo "open descriptors of the CLI's JVM (pid $jvm) while 'jobshell run sleep 3' runs: $n" | tee "$OUT/cli-fds.txt"
  else
    echo "open descriptors of the CLI's JVM: no java process found under pid $pid" | tee "$OUT/cli-fds.txt"
  fi
  wait "$pid" || true
}

run_cli() {
  echo
  echo "== jobshell CLI, whole process, beside the C limit"
  if [[ ! -x $JOBSHELL ]]; then
    echo "CLI part skipped: $JOBSHELL does not exist yet."
    echo "  Build the distribution (runtime/ module, on main) and rerun: bench/run-launch.sh --cli"
    echo "  (or point JOBSHELL=/path/to/bin/jobshell at one)."
    return 0
  fi
  if command -v hyperfine >/dev/null; then
    echo "   timing: hyperfine $(hyperfine --version | cut -d' ' -f2), 3 runs per command per pair, $CLI_RUNS pairs, order alternating"
  else
    echo "   timing: a clock read around each run (EPOCHREALTIME, else date +%s%N), $CLI_RUNS pairs, order alternating"
    echo "   (apt-get install -y hyperfine to time with hyperfine)"
  fi
  local java_cmd=${JAVA:-java}
  [[ -n ${JAVA_HOME:-} && -z ${JAVA:-} ]] && java_cmd=$JAVA_HOME/bin/java
  local rows=$OUT/cli-results.txt n f
  : > "$rows"
  for n in $CLI_NS; do
    f=$((n < INFLIGHT ? n : INFLIGHT))
    pair "run_-n_${n}_true" "$JOBSHELL run -n $n true" "$SPAWNBENCH spawn $n $f 0" | tee -a "$rows"
    pair "run_-n_${n}_echo_x" "$JOBSHELL run -n $n echo x" "$SPAWNBENCH spawn $n $f 1" | tee -a "$rows"
  done
  pair "cold:_run_true_vs_java_-version" "$JOBSHELL run true" "$java_cmd -version" | tee -a "$rows"
  cli_fds
  echo
  echo "== CLI: jobshell time / reference time (median of $CLI_RUNS paired ratios)"
  echo "   reference: spawnbench spawn N min(N,$INFLIGHT) [1] (echo: 'task i' lines captured), or java -version"
  awk 'BEGIN { printf "%-34s %12s %10s %8s\n", "row", "jobshell ms", "ref ms", "ratio" }
       { gsub("_", " ", $1); printf "%-34s %12.1f %10.1f %8.2f\n", $1, $2, $3, $4 }' "$rows" | tee "$OUT/cli-table.txt"
  cat "$OUT/cli-fds.txt"
}

machine_notes | tee "$OUT/machine.txt"
spawnbench
((part_launch)) && run_launch
((part_cli)) && run_cli
echo
echo "raw logs: $OUT"
