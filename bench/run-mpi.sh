#!/usr/bin/env bash
# bench/run-mpi.sh: an MPI hello world (runtime/src/test/c/mpi_hello.c: rank, size, one
# MPI_Allreduce) through jobshell, embedded (`run --local`) and through the daemon, side by side
# with MPICH's own launcher `mpiexec -n` in the same run (docs/BENCHMARKS.md section 7).
#
#   bench/run-mpi.sh
#
# On a private copy of runtime/target/jobshell it starts `jobshell daemon`, then for N in $SIZES
# times `jobshell run -n N ./mpi_hello` (daemon, then --local) against `mpiexec -n N ./mpi_hello`
# in alternating pairs (ratios are per pair, median), and what PMI costs a job that is no MPI
# program (`run --local -n 1 true` with PMI on, against -o pmi=off).
#
# Knobs: CLI_RUNS=5 SIZES="1 4 16" OUT=bench/target/mpi-results EXTRA=1 (also: -o cpu-affinity=off,
#        and Hydra's MPI_LOCALNRANKS/MPI_LOCALRANKID variables)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIST=$ROOT/runtime/target/jobshell
CLI_RUNS=${CLI_RUNS:-5}
SIZES=${SIZES:-1 4 16}
OUT=${OUT:-$ROOT/bench/target/mpi-results}
# shellcheck source=bench/timing.sh
source "$ROOT/bench/timing.sh"

[[ -x $DIST/bin/jobshell ]] || { echo "run-mpi: build first: mvn -B package -DskipTests" >&2; exit 1; }
command -v mpicc >/dev/null && command -v mpiexec >/dev/null \
  || { echo "run-mpi: needs MPICH: apt-get install mpich libmpich-dev" >&2; exit 1; }
mkdir -p "$OUT"
HOME_DIR=$(mktemp -d /tmp/jobshell-bench.XXXXXX)
cp -a "$DIST/." "$HOME_DIR/"
J=$HOME_DIR/bin/jobshell
HELLO=$HOME_DIR/mpi_hello
mpicc -O2 -o "$HELLO" "$ROOT/runtime/src/test/c/mpi_hello.c"

"$J" daemon --detach > "$OUT/daemon.log" 2>&1
trap 'kill -TERM "$(cat "$HOME_DIR/var/run/jobshell.pid" 2>/dev/null)" 2>/dev/null || true; sleep 1; rm -rf "$HOME_DIR"' EXIT
"$J" run -n 2 "$HELLO" >/dev/null   # first job: classes loaded, caches warm

echo "# $(date -u +%FT%TZ) $(uname -srm), $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), $(mpichversion | head -1)" | tee "$OUT/machine.txt"
rows=$OUT/mpi-results.txt
: > "$rows"
echo "== MPI hello: jobshell vs mpiexec (median of $CLI_RUNS paired ratios)"
for n in $SIZES; do
  pair "daemon_run_-n_${n}_mpi_hello_vs_mpiexec" "$J run -n $n $HELLO" "mpiexec -n $n $HELLO" | tee -a "$rows"
  pair "local_run_-n_${n}_mpi_hello_vs_mpiexec" "$J run --local -n $n $HELLO" "mpiexec -n $n $HELLO" | tee -a "$rows"
done
if [[ -n ${EXTRA:-} ]]; then
  echo "== does it matter: CPU binding, and the node-local variables Hydra sets"
  pair "daemon_run_-n_4_no_cpu_affinity_vs_mpiexec" "$J run -n 4 -o cpu-affinity=off $HELLO" "mpiexec -n 4 $HELLO" | tee -a "$rows"
  pair "daemon_run_-n_4_vs_with_MPI_LOCAL_variables" "$J run -n 4 $HELLO" \
    "$J run -n 4 --env=MPI_LOCALNRANKS=4 --env=MPI_LOCALRANKID={{task.localid}} $HELLO" | tee -a "$rows"
fi
echo "== what PMI costs a job that is no MPI program"
pair "local_run_-n_1_true_pmi_on_vs_off" "$J run --local -n 1 true" "$J run --local -n 1 -o pmi=off true" | tee -a "$rows"
pair "daemon_run_-n_1_true_pmi_on_vs_off" "$J run -n 1 true" "$J run -n 1 -o pmi=off true" | tee -a "$rows"
echo "raw results: $OUT"
