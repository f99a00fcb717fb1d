#!/usr/bin/env bash
# Times every register, record and list page and their API twins over HTTP through the running application, each
# interleaved with the raw SQL of the rows it shows, in the demo organisation with 100,000 more records (issue 24:
# each page within 3x its SQL, the register page p95 within 50 ms on a quiet machine). Prints p50/p95 and the ratio;
# it is a benchmark, not a test.
#   bench/pages.sh                         # 100,000 records on a fresh jdbc:postgresql://127.0.0.1:5432/ratchet_bench
#   bench/pages.sh --keep                  # measure again on the database the last run left (no new data)
#   bench/pages.sh 20000 h2                # 20,000 records on in-memory H2
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--keep" ]; then
  ./mvnw -q -B test-compile
  exec ./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass=dev.ratchet.web.PageBenchmark \
    -Dexec.classpathScope=test -Dexec.args="100000 jdbc:postgresql://127.0.0.1:5432/ratchet_bench postgres" \
    -Dexec.cleanupDaemonThreads=false
fi
exec "$(dirname "$0")/run.sh" dev.ratchet.web.PageBenchmark "${1:-100000}" "${2:-postgresql}"
