#!/usr/bin/env bash
# Startup benchmark, side by side in one run: time from exec to the first successful POST /predict, and
# the resident memory (RSS) and CPU time of the process right after it, median of RUNS rounds (default 5). Each round
# starts every flavour once, in turn, so a busy spell of a shared machine falls on all of them alike.
#
# Flavours:
#   baseline jar         bench/baseline, a bare Funqy HTTP app whose one function returns a constant
#   jar                  modelfn's jar on the default JDK (java on PATH, or JAVA_HOME)
#   jar + AppCDS         the same with an AppCDS archive (the fallback before JDK 25)
#   jar + AOT cache      on JDK 25, with an AOT cache recorded while the integration tests drive the jar
#   Flask peer           ../shared/peers' gunicorn + scikit-learn server, when gunicorn and scikit-learn are there
#   baseline native, native   with --native: both native executables, built with GRAALVM_HOME (by default
#                        the one ../shared/native-toolchain assembles), and their binary sizes
#
#   bench/startup.sh [--native]
#
# It builds what it measures (./mvnw), serves the demo models in models/, listens on 127.0.0.1:$PORT
# (default 19080), gives each start at most 60 s, and stops every process it starts. It prints figures and
# the targets they meet or miss; it never fails on a figure.
#
# Environment: RUNS, PORT, JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64), GRAALVM_HOME, and
# BENCH_SKIP_BUILD=1 to measure what an earlier run built under target/bench as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PORT=${PORT:-19080}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
NATIVE=
[[ ${1:-} == --native ]] && NATIVE=1
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ROOT=$(pwd)
BENCH=$ROOT/target/bench
PEERS=$ROOT/../shared/peers
BODY='{"model":"iris","features":{"sepal_length_cm":5.1,"sepal_width_cm":3.5,"petal_length_cm":1.4,"petal_width_cm":0.2}}'
export MODELFN_STORE_URI="file:$ROOT/models" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$PORT

pid=
# Stops the process under measurement (and, for gunicorn, its workers with it).
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
  for ((tries = 0; tries < 100; tries++)); do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

micros() {
  local t=${EPOCHREALTIME/[.,]/}
  echo "$t"
}

# Resident memory of a process and its descendants, in KiB.
rss_tree() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" 2>/dev/null || true); do
    total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# CPU time (user + system) a process and its descendants have used so far, in ms: unlike the wall time, it hardly
# moves when other work shares the machine.
TICK_MS=$((1000 / $(getconf CLK_TCK)))
cpu_tree() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" 2>/dev/null || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo $((total * TICK_MS))
}

# Starts "$@" in directory $1 once; prints "<ms> <rss-KiB> <cpu-ms>".
measure_once() {
  local dir=$1
  shift
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
    sleep 0.001
  done
  end=$(micros)
  echo "$(((end - start) / 1000)) $(rss_tree "$pid") $(cpu_tree "$pid")"
  cleanup
  pid=
}

median() {
  sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

mkdir -p "$BENCH"
export MAVEN_ARGS="${MAVEN_ARGS:---batch-mode --no-transfer-progress -q}"
if [[ -n $NATIVE && -z ${GRAALVM_HOME:-} && -x ../shared/native-toolchain/graalvm-home.sh ]]; then
  GRAALVM_HOME=$(../shared/native-toolchain/graalvm-home.sh)
fi

if [[ -z ${BENCH_SKIP_BUILD:-} ]]; then
  echo "building the baseline and modelfn jars on $("$JAVA" -version 2>&1 | head -n 1)" >&2
  ./mvnw -f bench/baseline/pom.xml package -DskipTests >&2
  rm -rf "$BENCH"/{baseline-jar,jar,appcds,aot}
  cp -a bench/baseline/target/quarkus-app "$BENCH/baseline-jar"
  ./mvnw package -DskipTests >&2
  cp -a target/quarkus-app "$BENCH/jar"
  echo "building the jar with its AppCDS archive" >&2
  ./mvnw package -DskipTests -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AppCDS >&2
  cp -a target/quarkus-app "$BENCH/appcds"
  if [[ -x $JDK25/bin/java ]]; then
    # The cache is recorded while the integration tests drive the packaged jar; unit tests are skipped.
    echo "building the jar with its AOT cache on JDK 25" >&2
    JAVA_HOME=$JDK25 ./mvnw verify -Dquarkus.package.jar.aot.enabled=true \
      -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false >&2
    cp -a target/quarkus-app "$BENCH/aot"
  fi
  if [[ -n $NATIVE ]]; then
    echo "building both native executables with $GRAALVM_HOME" >&2
    ./mvnw -f bench/baseline/pom.xml package -DskipTests -Dnative -Dquarkus.native.graalvm-home="$GRAALVM_HOME" >&2
    cp bench/baseline/target/*-runner "$BENCH/baseline-native"
    ./mvnw package -DskipTests -Dnative -Dquarkus.native.graalvm-home="$GRAALVM_HOME" >&2
    cp target/*-runner "$BENCH/native"
  fi
fi

# name|directory|command; every flavour whose pieces exist takes part.
flavours=()
[[ -f $BENCH/baseline-jar/quarkus-run.jar ]] && flavours+=("baseline jar|$BENCH/baseline-jar|$JAVA -jar quarkus-run.jar")
[[ -f $BENCH/jar/quarkus-run.jar ]] && flavours+=("jar|$BENCH/jar|$JAVA -jar quarkus-run.jar")
if [[ -f $BENCH/appcds/app-cds.jsa ]]; then
  # -Xshare:on refuses to start without the archive, so a stale archive cannot pass for a fast start.
  flavours+=("jar + AppCDS|$BENCH/appcds|$JAVA -XX:SharedArchiveFile=app-cds.jsa -Xshare:on -jar quarkus-run.jar")
fi
if [[ -x $JDK25/bin/java && -f $BENCH/aot/app.aot ]]; then
  # AOTMode=on refuses to start without the cache, so a stale cache cannot pass for a fast start.
  flavours+=("jar + AOT cache, JDK 25|$BENCH/aot|$JDK25/bin/java -XX:AOTCache=app.aot -XX:AOTMode=on -jar quarkus-run.jar")
fi
if command -v gunicorn >/dev/null && /usr/bin/python3 -c 'import sklearn, flask' 2>/dev/null; then
  flavours+=("Flask peer|$PEERS|gunicorn -w 2 -b 127.0.0.1:$PORT --env MODEL_PATH=$PEERS/model/iris_logreg.joblib sklearn_server:app")
else
  echo "no gunicorn with scikit-learn and Flask: the Flask peer is not measured (see ../shared/peers/README.md)" >&2
fi
if [[ -x $BENCH/native && -x $BENCH/baseline-native ]]; then
  flavours+=("baseline native|$ROOT|$BENCH/baseline-native" "native|$ROOT|$BENCH/native")
fi

declare -A times rss cpus
load_before=$(cut -d' ' -f1 /proc/loadavg)
for ((run = 1; run <= RUNS; run++)); do
  for flavour in "${flavours[@]}"; do
    IFS='|' read -r name dir cmd <<<"$flavour"
    # shellcheck disable=SC2086 # the command is split into words on purpose
    measure_once "$dir" $cmd >"$BENCH/round.txt"
    read -r ms kib cpu_ms <"$BENCH/round.txt"
    times[$name]+="$ms "
    rss[$name]+="$kib "
    cpus[$name]+="$cpu_ms "
  done
done

declare -A ms_of mib_of
echo "== $(date -u +%Y-%m-%d), $(nproc) cores, median of $RUNS rounds, load average $load_before before, $(cut -d' ' -f1 /proc/loadavg) after"
for flavour in "${flavours[@]}"; do
  name=${flavour%%|*}
  ms_of[$name]=$(tr ' ' '\n' <<<"${times[$name]}" | grep . | median)
  mib_of[$name]=$(($(tr ' ' '\n' <<<"${rss[$name]}" | grep . | median) / 1024))
  cpu_of=$(tr ' ' '\n' <<<"${cpus[$name]}" | grep . | median)
  printf '%-24s first answer %6s ms after exec, RSS %4s MiB, CPU %5s ms   (runs: %s)\n' \
    "$name" "${ms_of[$name]}" "${mib_of[$name]}" "$cpu_of" "${times[$name]% }"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v <= t) ? "met" : "MISSED"}'; }
if [[ -n ${ms_of[native]:-} ]]; then
  size=$(stat -c %s "$BENCH/native")
  base_size=$(stat -c %s "$BENCH/baseline-native")
  r=$(ratio "${ms_of[native]}" "${ms_of[baseline native]}")
  mb=$(awk -v s="$size" 'BEGIN {printf "%.1f", s / 1e6}')
  echo "native binary $mb MB (baseline $(awk -v s="$base_size" 'BEGIN {printf "%.1f", s / 1e6}') MB)"
  echo "target: native first prediction <= 1.15 x the baseline's first answer: ${r}x, $(verdict "$r" 1.15)"
  echo "target: native RSS <= 48 MiB: ${mib_of[native]} MiB, $(verdict "${mib_of[native]}" 48)"
  echo "target: native binary <= 60 MB: $mb MB, $(verdict "$mb" 60)"
fi
if [[ -n ${ms_of[Flask peer]:-} && -n ${ms_of[jar]:-} ]]; then
  r=$(ratio "${ms_of[jar]}" "${ms_of[Flask peer]}")
  echo "target: jar <= 2 x the Flask peer: ${r}x, $(verdict "$r" 2)"
  if [[ -n ${ms_of[jar + AOT cache, JDK 25]:-} ]]; then
    r=$(ratio "${ms_of[jar + AOT cache, JDK 25]}" "${ms_of[Flask peer]}")
    echo "target: jar + AOT cache <= the Flask peer: ${r}x, $(verdict "$r" 1)"
  fi
fi
