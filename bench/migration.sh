#!/usr/bin/env bash
# Measures how long a tracker of many rows takes to come in through the migration (issue 16: 100,000 rows within
# 15 s on PostgreSQL, all or nothing). Prints figures; it is a benchmark, not a test.
#   bench/migration.sh                       # 100,000 rows on in-memory H2
#   bench/migration.sh 100000 postgresql     # on jdbc:postgresql://127.0.0.1:5432/ratchet_bench (created fresh)
exec "$(dirname "$0")/run.sh" dev.ratchet.improvement.MigrationBenchmark "${1:-100000}" "${2:-h2}"
