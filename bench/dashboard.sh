#!/usr/bin/env bash
# Measures how fast the dashboard's figures are counted in an organisation with many records (issue 9: 100,000
# records, the page within 300 ms). Prints figures; it is a benchmark, not a test.
#   bench/dashboard.sh                       # 100,000 records on in-memory H2
#   bench/dashboard.sh 100000 postgresql     # on jdbc:postgresql://127.0.0.1:5432/ratchet_bench (created fresh)
exec "$(dirname "$0")/run.sh" dev.ratchet.dashboard.DashboardBenchmark "${1:-100000}" "${2:-h2}"
