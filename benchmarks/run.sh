#!/usr/bin/env bash
# Runs the benchmarks and regenerates docs/benchmarks.md (see that page).
#   benchmarks/run.sh                 all suites (~14 minutes)
#   benchmarks/run.sh --quick         tiny counts, to check the harness
#   benchmarks/run.sh startup hot     some suites: startup hot steady propagation local memory
#   benchmarks/run.sh --report-only   rebuild the page from benchmarks/results/
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl benchmarks -am package -DskipTests
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  dev.secretsstarter.benchmarks.RunAll "$@"
