#!/usr/bin/env bash
# Screenshots of the repository's lessons for review (needs chromium and chromium-driver):
# every page at 1280 and 390 px, light and dark, pages with a loss plot as printed, and the
# search box. Built with the theme as it is in the source; written to target/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.longhand.bench.Screenshots -Dexec.args="$PWD"
