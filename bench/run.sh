#!/usr/bin/env bash
# Runs one benchmark (a main class in the test sources) on in-memory H2 or on a fresh PostgreSQL database.
#   bench/run.sh <main class> [size] [h2|postgresql]
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"
count="${2:-100000}"
args="$count"
if [ "${3:-h2}" = "postgresql" ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists ratchet_bench" -c "create database ratchet_bench"
  args="$count jdbc:postgresql://127.0.0.1:5432/ratchet_bench postgres"
fi
./mvnw -q -B test-compile
./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass="$main" \
  -Dexec.classpathScope=test -Dexec.args="$args" -Dexec.cleanupDaemonThreads=false
