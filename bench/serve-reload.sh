#!/usr/bin/env bash
# Save-to-reload latency of `longhand serve`: from writing one lesson file to an open page
# receiving the reload event. Prints the median and 90th percentile of 31 edits for the
# shipped site and for a generated site of 1,000 seven-layer lessons (pass another count as
# the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.longhand.bench.ServeReload \
  -Dexec.args="$PWD ${1:-1000}"
