#!/usr/bin/env bash
# Measures the risk register's page, its heat maps, one risk's page and the SoA page in an organisation with 5,000
# risks and 50,000 assessments (issue 22: register within 100 ms, SoA page within 150 ms, server side on PostgreSQL).
# Prints figures; it is a benchmark, not a test.
#   bench/risks.sh                      # 5,000 risks on in-memory H2
#   bench/risks.sh 5000 postgresql      # on jdbc:postgresql://127.0.0.1:5432/ratchet_bench (created fresh)
exec "$(dirname "$0")/run.sh" dev.ratchet.risk.RiskBenchmark "${1:-5000}" "${2:-h2}"
