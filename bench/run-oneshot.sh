#!/usr/bin/env bash
# bench/run-oneshot.sh: the one-shot path's launcher choice, measured: for each size, the launcher
# `jobshell run` takes by itself (`jobshell.launcher.min.tasks`) against the other one forced, in
# alternating pairs (docs/BENCHMARKS.md section 9). With BASE=DIR (another build's
# runtime/target/jobshell), the same jobs also against that build.
#
#   CLI_RUNS=8 bench/run-oneshot.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=${JOBSHELL_DIST:-$ROOT/runtime/target/jobshell}
CLI_RUNS=${CLI_RUNS:-8}
OUT=${OUT:-$ROOT/bench/target/oneshot-results}
# shellcheck source=bench/timing.sh
source "$ROOT/bench/timing.sh"
[ -x "$DIST/bin/jobshell" ] || { echo "build the distribution first: mvn -B package -DskipTests" >&2; exit 1; }
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
copy() { cp -a "$1" "$WORK/$2"; rm -rf "$WORK/$2/var/jobs" "$WORK/$2/var/run"; "$WORK/$2/bin/jobshell" run true; }
copy "$DIST" now   # the copy's first run writes its class data archive: not measured
J=$WORK/now/bin/jobshell
echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)"
posix="env JOBSHELL_JAVA_OPTS=-Djobshell.launcher=posix $J"
pb="env JOBSHELL_JAVA_OPTS=-Djobshell.launcher=processbuilder $J"
pair "run_true_default_vs_posix" "$J run true" "$posix run true"
pair "run_-n_64_echo_x_default_vs_posix" "$J run -n 64 echo x" "$posix run -n 64 echo x"
pair "run_-n_1000_true_default_vs_processbuilder" "$J run -n 1000 true" "$pb run -n 1000 true"
if [ -n "${BASE:-}" ]; then
    copy "$BASE" base
    B=$WORK/base/bin/jobshell
    pair "run_true_now_vs_base" "$J run true" "$B run true"
    pair "run_-n_64_echo_x_now_vs_base" "$J run -n 64 echo x" "$B run -n 64 echo x"
    pair "run_-n_1000_true_now_vs_base" "$J run -n 1000 true" "$B run -n 1000 true"
fi
