#!/usr/bin/env bash
# Edit-to-updated-page latency in headless Chromium (needs chromium and chromium-driver).
# Prints the median and 90th percentile of 101 edits for the seven-layer lesson and for a
# 64-64-64-10 network with a batch of 8, then of presses of New numbers on Four nodes'
# worksheet and on a 16-16-16-4 worksheet with a batch of 4; the 784-128-64-10 lesson and the
# same network with full-precision weights. ONLY=784 bench/edit-latency.sh measures the rows
# whose label contains 784.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.longhand.bench.EditLatency -Dexec.args="$PWD"
