#!/usr/bin/env bash
# Measures how fast Ratchet suggests similar records in an organisation with many records (issue: 100,000 records,
# answer within 200 ms). Prints figures; it is a benchmark, not a test.
#   bench/similar-records.sh                 # 100,000 records on in-memory H2
#   bench/similar-records.sh 100000 postgresql   # on jdbc:postgresql://127.0.0.1:5432/ratchet_bench (created fresh)
exec "$(dirname "$0")/run.sh" dev.ratchet.improvement.SimilarRecordsBenchmark "${1:-100000}" "${2:-h2}"
