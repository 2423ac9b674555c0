#!/usr/bin/env bash
# JMH microbenchmarks, briefly (one fork, 3 × 1 s warm-up, 5 × 1 s measured):
#   NetworkBenchmark: forward + backward pass of 784-256-256-10 on a batch of 64, Longhand's nn
#                     package against plain loops (ns per multiply-add = score / 51,609,600).
#   LessonBenchmark:  one shipped lesson built as a site of its own, warm.
#   RenderBenchmark:  the shipped matrix template over an 8 × 8 and a 64 × 64 matrix, warm (Mustache only).
# Arguments choose benchmarks (a regular expression each); WARMUPS and ITERATIONS change the
# counts, e.g. WARMUPS=5 ITERATIONS=10 bench/jmh.sh NetworkBenchmark (JMH refuses an option given twice).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Dlonghand.repo="$PWD" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.openjdk.jmh.Main -f 1 -wi "${WARMUPS:-3}" -w 1s -i "${ITERATIONS:-5}" -r 1s "${@:-Benchmark}"
