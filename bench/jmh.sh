#!/usr/bin/env bash
# JMH benchmarks of the in-process predict path with the gc profiler (ns/op and B/op).
# Arguments go to JMH, e.g. bench/jmh.sh 'PredictPathBenchmark.predict$' -p features=64
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench test-compile exec:exec@jmh -Djmh.args="-prof gc ${*:-}"
