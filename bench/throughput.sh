#!/usr/bin/env bash
# Throughput of /predict against /predict-baseline (same request reading, constant answer), and of the
# Open Inference Protocol's /v2/models/<model>/infer with the same rows as one [N, F] tensor, driven by
# wrk over loopback, and of the same tensor as gRPC ModelInfer on the same port (h2c), driven by h2load. Builds the jar if missing (BENCH_REBUILD=1 forces it), installs wrk with apt-get if
# missing, starts the app on 127.0.0.1:$BENCH_PORT with the demo models, and stops it when done.
# BENCH_JAR runs another build's quarkus-run.jar (e.g. an older commit's) against the same models.
# Settings: BENCH_PORT (18080), BENCH_DURATION (10s), BENCH_WARMUP (5s), BENCH_CONNECTIONS (16),
# BENCH_THREADS (2), BENCH_JAVA_OPTS (extra JVM flags, e.g. a JFR recording), BENCH_ONLY (scenario names),
# BENCH_ROUNDS (1: measurements of baseline then predict per scenario, alternating, one line each),
# BENCH_NICE (0: niceness of the server and wrk; a negative one, as root, keeps other work on a shared
# machine from deciding the figures).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

port=${BENCH_PORT:-18080}
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-5s}
connections=${BENCH_CONNECTIONS:-16}
threads=${BENCH_THREADS:-2}
only=${BENCH_ONLY:-iris-1 iris-100 diabetes-1}
rounds=${BENCH_ROUNDS:-1}
niceness=${BENCH_NICE:-0}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
if ! command -v h2load >/dev/null || ! command -v protoc >/dev/null; then
  echo "== installing h2load and protoc (gRPC run)"
  { apt-get update -qq && apt-get install -y -qq nghttp2-client protobuf-compiler >/dev/null; } || true
fi
if ! command -v curl >/dev/null; then
  apt-get update -qq && apt-get install -y -qq curl >/dev/null
fi

jar=${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}
if [ -z "${BENCH_JAR:-}" ] && { [ ! -f "$jar" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; }; then
  echo "== building $jar"
  ./mvnw -q -B package -DskipTests
fi

work=$(mktemp -d)
server=""
stop() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server"
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

# Request bodies from the bundled datasets: rows as objects of feature name to number.
rows_json() { # csv, first data line, last data line
  awk -F, -v from="$2" -v to="$3" '
    NR == 1 { for (i = 1; i < NF; i++) name[i] = $i; next }
    NR - 1 >= from && NR - 1 <= to {
      row = "{"
      for (i = 1; i < NF; i++) row = row (i > 1 ? "," : "") "\"" name[i] "\":" $i
      printf "%s%s", (n++ ? "," : ""), row "}"
    }' "$1"
}
data=src/test/resources/data
echo "{\"model\":\"iris\",\"features\":$(rows_json $data/iris.csv 1 1)}" > "$work/iris-1.json"
echo "{\"model\":\"iris\",\"rows\":[$(rows_json $data/iris.csv 26 125)]}" > "$work/iris-100.json"
echo "{\"model\":\"diabetes\",\"features\":$(rows_json $data/diabetes.csv 1 1)}" > "$work/diabetes-1.json"
declare -A batch=([iris-1]=1 [iris-100]=100 [diabetes-1]=1)
# The same rows for /v2/models/<model>/infer: one FP64 tensor of shape [N, F], flat in row-major order.
tensor_json() { # csv, first data line, last data line
  awk -F, -v from="$2" -v to="$3" '
    NR == 1 { width = NF - 1; next }
    NR - 1 >= from && NR - 1 <= to {
      for (i = 1; i < NF; i++) data = data (n++ ? "," : "") $i
      rows++
    }
    END { printf "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP64\",\"shape\":[%d,%d],\"data\":[%s]}]}", rows, width, data }' "$1"
}
tensor_json $data/iris.csv 1 1 > "$work/iris-1.v2.json"
tensor_json $data/iris.csv 26 125 > "$work/iris-100.v2.json"
tensor_json $data/diabetes.csv 1 1 > "$work/diabetes-1.v2.json"
functions="predict-baseline predict v2"
# The same tensor for gRPC ModelInfer: a length-prefixed ModelInferRequest message, encoded by protoc.
grpc_body() { # model, csv, first data line, last data line
  awk -F, -v from="$3" -v to="$4" -v model="$1" '
    NR == 1 { width = NF - 1; next }
    NR - 1 >= from && NR - 1 <= to {
      for (i = 1; i < NF; i++) data = data " fp64_contents: " $i
      rows++
    }
    END { printf "model_name: \"%s\" inputs { name: \"input\" datatype: \"FP64\" shape: %d shape: %d contents {%s } }\n", model, rows, width, data }' "$2" \
    | protoc --proto_path=src/main/proto --encode=inference.ModelInferRequest open_inference_grpc.proto > "$work/message.pb"
  printf '\000'
  printf '%08x' "$(stat -c %s "$work/message.pb")" | xxd -r -p
  cat "$work/message.pb"
}
if command -v h2load >/dev/null && command -v protoc >/dev/null && command -v xxd >/dev/null; then
  grpc_body iris $data/iris.csv 1 1 > "$work/iris-1.grpc"
  grpc_body iris $data/iris.csv 26 125 > "$work/iris-100.grpc"
  grpc_body diabetes $data/diabetes.csv 1 1 > "$work/diabetes-1.grpc"
  functions="$functions v2-h2load grpc" # v2 again, over h2c with h2load: the same client as gRPC
else
  echo "(no gRPC run: it needs h2load, protoc and xxd)"
fi
grpc_url="http://127.0.0.1:$port/inference.GRPCInferenceService/ModelInfer"

echo "== starting $jar on 127.0.0.1:$port ($("$java" -version 2>&1 | head -n 1))"
# shellcheck disable=SC2086
nice -n "$niceness" "$java" ${BENCH_JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
  -Dmodelfn.store.uri="file:$root/models" -Dmodelfn.bench.baseline=true \
  -jar "$jar" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "not ready in 60 s"; cat "$work/server.log"; exit 1; }

url() { # function, scenario
  if [ "$1" = v2 ]; then echo "http://127.0.0.1:$port/v2/models/${2%-*}/infer"; else echo "http://127.0.0.1:$port/$1"; fi
}
body() { if [ "$1" = v2 ]; then echo "$work/$2.v2.json"; else echo "$work/$2.json"; fi; }
check() { # function, scenario: one request must answer 200 with one prediction per row
  local answer
  if [ "$1" = v2-h2load ]; then
    check v2 "$2"
    return
  fi
  if [ "$1" = grpc ]; then
    curl -sf --http2-prior-knowledge -o /dev/null -D - -H 'Content-Type: application/grpc' -H 'TE: trailers' \
      --data-binary "@$work/$2.grpc" "$grpc_url" | grep -qi '^grpc-status: 0' || { echo "grpc refused $2"; exit 1; }
    return
  fi
  answer=$(curl -sf -H 'Content-Type: application/json' --data-binary "@$(body "$1" "$2")" "$(url "$1" "$2")") \
    || { echo "$1 refused $2"; exit 1; }
  if [ "$1" = v2 ]; then
    grep -q "\"shape\":\[${batch[$2]}[],]" <<<"$answer" || { echo "$1: odd answer to $2: $answer"; exit 1; }
  else
    [ "$(grep -o '"label"\|"value"' <<<"$answer" | wc -l)" = "${batch[$2]}" ] || { echo "$1: odd answer to $2: $answer"; exit 1; }
  fi
}
h2load_run() { # duration, body, url, content type (h2load reports no percentiles: p50 and p99 are "-")
  timeout 120 nice -n "$niceness" h2load -t"$threads" -c"$connections" -m1 -D"${1%s}" -d "$2" \
    -H "Content-Type: $4" -H 'TE: trailers' "$3" \
    | awk '/^finished in/ { rps = $4 } /^requests:/ { errors = $10 + $14 }
           /^status codes:/ { bad = $7 + $9 } END { printf "RESULT %s - - %d\n", rps, errors + bad }'
}
run() { # function, scenario, duration -> RESULT line
  if [ "$1" = grpc ]; then
    h2load_run "$3" "$work/$2.grpc" "$grpc_url" application/grpc
    return
  fi
  if [ "$1" = v2-h2load ]; then
    h2load_run "$3" "$(body v2 "$2")" "$(url v2 "$2")" application/json
    return
  fi
  BODY_FILE="$(body "$1" "$2")" timeout 120 nice -n "$niceness" wrk -t"$threads" -c"$connections" -d"$3" --latency \
    -s bench/post.lua "$(url "$1" "$2")" | grep '^RESULT'
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Every function and body once before any measurement, so that neither side measures the JIT's work for the other.
for scenario in $only; do
  for fn in $functions; do
    check "$fn" "$scenario"
    run "$fn" "$scenario" "$warmup" >/dev/null
  done
done

printf '\n%-11s %-17s %10s %11s %8s %8s %7s %9s %8s\n' scenario function requests/s rows/s p50_ms p99_ms errors %baseline %predict
for scenario in $only; do
  for _ in $(seq 1 "$rounds"); do
    declare -A rps=()
    for fn in $functions; do
      read -r _ r p50 p99 errors _ <<<"$(run "$fn" "$scenario" "$duration")"
      rps[$fn]=$r
      share=$(awk -v a="$r" -v b="${rps[predict-baseline]}" 'BEGIN { printf "%.0f%%", 100 * a / b }')
      of_predict=$(awk -v a="$r" -v b="${rps[predict]:-}" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else printf "-" }')
      printf '%-11s %-17s %10.0f %11.0f %8s %8s %7s %9s %8s\n' "$scenario" "$fn" "$r" \
        "$(awk -v r="$r" -v n="${batch[$scenario]}" 'BEGIN { print r * n }')" "$p50" "$p99" "$errors" "$share" "$of_predict"
    done
  done
done
echo "(load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "(wrk -t$threads -c$connections -d$duration, each function and body warmed up $warmup first, on $(nproc) cores shared with the server)"
