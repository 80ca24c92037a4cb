#!/usr/bin/env bash
# Training benchmark: generates a seeded 1,000,000 × 50 logistic dataset and times the train path.
# Override with e.g. BENCH_RUNS=5 BENCH_ROWS=200000 bench/train.sh; extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -q -Pbench test-compile exec:exec \
  -Dbench.rows="${BENCH_ROWS:-1000000}" -Dbench.features="${BENCH_FEATURES:-50}" \
  -Dbench.epochs="${BENCH_EPOCHS:-5}" -Dbench.runs="${BENCH_RUNS:-3}" -Dbench.heap="${BENCH_HEAP:-6g}" "$@"
