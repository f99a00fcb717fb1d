#!/usr/bin/env bash
# Fills a database for benchmarks and load tests with the demo organisation's generator: each organisation is
# Kestrel Analytics with its people and 18 months of history (audits, nonconformities in every state, reviews,
# objectives, incidents, policies), written through Ratchet's services; --records adds that many improvement
# records in bulk to the first one. Prints what it made and how fast.
#   bench/generate.sh                                   # 1 organisation, in-memory H2 (a dry run)
#   bench/generate.sh --organisations 1000              # 1,000 organisations
#   bench/generate.sh --records 100000                  # one organisation with 100,000 more records
#   bench/generate.sh --organisations 20 --database file        # into ./data, the database ./mvnw spring-boot:run uses
#   bench/generate.sh --organisations 1000 --database postgresql # into a fresh jdbc:postgresql://127.0.0.1:5432/ratchet_bench
# The ISMS manager of organisation n is priya.natarajan@kestrel-<n, five digits>.example; the run prints the
# password all of them sign in with (the other people's passwords are random and unknown).
set -euo pipefail
cd "$(dirname "$0")/.."
organisations=1
records=0
database=h2
while [ $# -gt 0 ]; do
  case "$1" in
    --organisations) organisations="$2"; shift 2 ;;
    --records) records="$2"; shift 2 ;;
    --database) database="$2"; shift 2 ;;
    *) echo "usage: bench/generate.sh [--organisations N] [--records N] [--database h2|file|postgresql]" >&2; exit 2 ;;
  esac
done
args="$organisations $records"
case "$database" in
  h2) ;;
  file) args="$args jdbc:h2:file:./data/ratchet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE ratchet" ;;
  postgresql)
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists ratchet_bench" -c "create database ratchet_bench"
    args="$args jdbc:postgresql://127.0.0.1:5432/ratchet_bench postgres" ;;
  *) echo "--database is h2, file or postgresql" >&2; exit 2 ;;
esac
./mvnw -q -B test-compile
./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass=dev.ratchet.demo.GenerateData \
  -Dexec.classpathScope=test -Dexec.args="$args" -Dexec.cleanupDaemonThreads=false
