#!/usr/bin/env bash
# Measures how fast Ratchet suggests similar records in an organisation with many records (issue: 100,000 records,
# answer within 200 ms). Prints figures; it is a benchmark, not a test.
#   bench/similar-records.sh                 # 100,000 records on in-memory H2
#   bench/similar-records.sh 100000 postgresql   # on jdbc:postgresql://127.0.0.1:5432/ratchet_bench (created fresh)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
args="$count"
if [ "${2:-h2}" = "postgresql" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists ratchet_bench" -c "create database ratchet_bench"
  args="$count jdbc:postgresql://127.0.0.1:5432/ratchet_bench postgres"
fi
./mvnw -q -B test-compile
./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass=dev.ratchet.improvement.SimilarRecordsBenchmark \
  -Dexec.classpathScope=test -Dexec.args="$args" -Dexec.cleanupDaemonThreads=false
