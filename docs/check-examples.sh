#!/usr/bin/env bash
# Runs the shell examples of README.md and docs/*.md against the packaged function (target/quarkus-app) and
# checks that each gives the answer the document shows. Build first: ./mvnw package -DskipTests (or ./mvnw verify).
# Usage: docs/check-examples.sh [README.md docs/api.md ...]   (default: README.md and every docs/*.md)
# Each document runs in a temporary directory of its own with a copy of models/; the work tree is not written.
# Conventions and matching rules: docs/development.md, "Examples in the docs".
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in curl jq openssl; do
  if ! command -v "$tool" > /dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
      apt-get update -qq > /dev/null && apt-get install -y -qq "$tool" > /dev/null
    else
      echo "check-examples: the examples need $tool (apt-get install $tool)" >&2
      exit 2
    fi
  fi
done

exec java docs/CheckExamples.java "$@"
