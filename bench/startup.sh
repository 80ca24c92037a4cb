#!/usr/bin/env bash
# Startup benchmark: time from exec to the first successful /predict answer, and the resident memory
# (RSS) of the process right after it; median of RUNS runs (default 5) for each flavour:
#   1. the jar on the default JDK (java on PATH, or JAVA_HOME),
#   2. the jar with an AppCDS archive on the default JDK (the fallback before JDK 25),
#   3. the jar with a JDK 25 AOT cache recorded from the integration tests (when JDK 25 is found),
#   4. a native executable, when its path is given as the first argument.
# It builds what it measures (./mvnw), serves the demo models in models/, listens on 127.0.0.1:$PORT
# (default 19080), gives each start at most 60 s, and stops every process it starts.
#
#   bench/startup.sh [path/to/modelfn-runner]
#
# Environment: RUNS, PORT, JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64), BENCH_SKIP_BUILD=1 to
# measure target/bench/jar, target/bench/appcds and target/quarkus-app (with app.aot) as they are.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT=${PORT:-19080}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
NATIVE=${1:-}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ROOT=$(pwd)
BENCH=$ROOT/target/bench
BODY='{"model":"iris","features":{"sepal_length_cm":5.1,"sepal_width_cm":3.5,"petal_length_cm":1.4,"petal_width_cm":0.2}}'
export MODELFN_STORE_URI="file:$ROOT/models" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT

pid=
# Stops the process under measurement; measure() runs in a subshell and sets this trap there too.
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# One POST /predict over bash's own TCP redirection (no process per attempt); true on HTTP 200.
predict_ok() {
  { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null || return 1
  printf 'POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "${#BODY}" "$BODY" >&3
  local status=
  read -r -t 10 status <&3 || true
  exec 3<&- 3>&-
  [[ $status == "HTTP/1.1 200"* ]]
}

port_free() {
  local tries
  for ((tries = 0; tries < 50; tries++)); do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

micros() {
  local t=${EPOCHREALTIME/[.,]/}
  echo "$t"
}

# Starts "$@" RUNS times; prints "<ms> <rss-KiB>" per run.
measure() {
  local dir=$1
  shift
  trap cleanup EXIT
  for ((run = 1; run <= RUNS; run++)); do
    if ! port_free; then
      echo "127.0.0.1:$PORT is taken by another process; choose another with PORT=" >&2
      exit 1
    fi
    local start end
    start=$(micros)
    (cd "$dir" && exec "$@" >"$BENCH/last-run.log" 2>&1) &
    pid=$!
    until predict_ok; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "the process exited before answering; its log:" >&2
        cat "$BENCH/last-run.log" >&2
        exit 1
      fi
      if (($(micros) - start > 60000000)); then
        echo "no answer within 60 s" >&2
        exit 1
      fi
      sleep 0.002
    done
    end=$(micros)
    local rss
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    echo "$(((end - start) / 1000)) $rss"
    cleanup
    pid=
  done
}

median() {
  sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

report() {
  local name=$1 results=$2
  local times rss
  times=$(cut -d' ' -f1 <<<"$results" | tr '\n' ' ')
  rss=$(cut -d' ' -f2 <<<"$results" | tr '\n' ' ')
  echo "$name: first /predict answer $(tr ' ' '\n' <<<"$times" | grep . | median) ms after exec (median of $RUNS: ${times% })"
  echo "$name: RSS after the first answer $(($(tr ' ' '\n' <<<"$rss" | grep . | median) / 1024)) MiB (median of $RUNS)"
}

mkdir -p "$BENCH"
export MAVEN_ARGS="${MAVEN_ARGS:---batch-mode --no-transfer-progress -q}"

if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  echo "building the jar on $("$JAVA" -version 2>&1 | head -n 1)" >&2
  ./mvnw package -DskipTests >&2
  rm -rf "$BENCH/jar" "$BENCH/appcds"
  cp -a target/quarkus-app "$BENCH/jar"
  echo "building the jar with its AppCDS archive" >&2
  ./mvnw package -DskipTests -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AppCDS >&2
  cp -a target/quarkus-app "$BENCH/appcds"
fi
jdk=$("$JAVA" -version 2>&1 | head -n 1 | sed -E 's/.*version "([^"]+)".*/\1/')
results=$(measure "$BENCH/jar" "$JAVA" -jar quarkus-run.jar)
report "jar, JDK $jdk" "$results"
# -Xshare:on refuses to start without the archive, so a stale archive cannot pass for a fast start.
results=$(measure "$BENCH/appcds" "$JAVA" -XX:SharedArchiveFile=app-cds.jsa -Xshare:on -jar quarkus-run.jar)
report "jar + AppCDS, JDK $jdk" "$results"

if [[ -x $JDK25/bin/java ]]; then
  if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
    # The cache is recorded while the integration tests drive the packaged jar; unit tests are skipped.
    echo "building the jar with its AOT cache on JDK 25" >&2
    JAVA_HOME=$JDK25 ./mvnw verify -Dquarkus.package.jar.aot.enabled=true \
      -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false >&2
  fi
  # AOTMode=on refuses to start without the cache, so a stale cache cannot pass for a fast start.
  results=$(measure target/quarkus-app "$JDK25/bin/java" -XX:AOTCache=app.aot -XX:AOTMode=on -jar quarkus-run.jar)
  report "jar + AOT cache, JDK 25" "$results"
else
  echo "no JDK 25 at $JDK25: the AOT cache flavour is not measured" >&2
fi

if [[ -n $NATIVE ]]; then
  native=$(cd "$(dirname "$NATIVE")" && pwd)/$(basename "$NATIVE")
  results=$(measure "$ROOT" "$native")
  report "native executable" "$results"
fi
