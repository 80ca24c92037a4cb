#!/usr/bin/env bash
# Training benchmark: generates a seeded 1,000,000 × 50 logistic dataset and times the train path, with the
# scikit-learn baseline (bench/sklearn_train.py) run on the same CSV after each run when /usr/bin/python3 has
# scikit-learn and pandas; then a 1,000,000-row case with three categorical columns (5, 50 and 500 categories)
# in place of three numeric ones and 5 % empty cells. The heap is capped at BENCH_HEAP (1536m).
# Override with e.g. BENCH_RUNS=5 BENCH_ROWS=200000 BENCH_CASES=numeric bench/train.sh; extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
sklearn=""
if /usr/bin/python3 -c 'import sklearn, pandas' 2>/dev/null; then
  sklearn=bench/sklearn_train.py
else
  echo "scikit-learn baseline skipped: /usr/bin/python3 cannot import sklearn and pandas" \
    "(on Debian: apt-get install -y python3-sklearn python3-pandas)"
fi
run() {
  ./mvnw -q -Pbench test-compile exec:exec@train \
    -Dbench.rows="${BENCH_ROWS:-1000000}" -Dbench.features="${BENCH_FEATURES:-50}" \
    -Dbench.epochs="${BENCH_EPOCHS:-5}" -Dbench.runs="${BENCH_RUNS:-3}" -Dbench.heap="${BENCH_HEAP:-1536m}" "$@"
}
for case in ${BENCH_CASES:-numeric categorical}; do
  echo "== $case"
  case "$case" in
    numeric) run -Dbench.sklearn="$sklearn" "${@}" ;;
    categorical) run -Dbench.categories=5,50,500 -Dbench.empty=0.05 "${@}" ;;
    *) echo "unknown case $case (numeric, categorical)" >&2; exit 2 ;;
  esac
done
