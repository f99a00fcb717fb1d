#!/usr/bin/env bash
# Requirement search across every catalogue (issue 23: ~1,000 requirements within 20 ms) and the mapping lookups of a
# record's page and the register's filter, in memory. The register filtered by a mapped requirement at 100,000 records
# is measured over HTTP by bench/pages.sh. Prints figures; it is a benchmark, not a test.
#   bench/requirements.sh          # the shipped catalogues plus 500 generated requirements
#   bench/requirements.sh 2000     # plus 2,000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
exec ./mvnw -q -B org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass=dev.ratchet.catalogue.RequirementSearchBenchmark \
  -Dexec.classpathScope=test -Dexec.args="${1:-500}" -Dexec.cleanupDaemonThreads=false
