#!/usr/bin/env bash
# Checks that the Word documents Ratchet generates (policy versions, review minutes, audit reports) open in
# LibreOffice: converts each DOCX the integration tests kept in target/documents to PDF with LibreOffice headless,
# and fails when one does not convert. Needs LibreOffice Writer (Debian: apt-get install libreoffice-writer-nogui).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "LibreOffice is not installed: apt-get install libreoffice-writer-nogui"; exit 2; }
if ! ls target/documents/*.docx >/dev/null 2>&1; then
  ./mvnw -B -q verify -Dit.test='PolicyIT,ReviewIT,AuditIT' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
fi
out=target/documents/libreoffice
rm -rf "$out" && mkdir -p "$out"
failed=0
for docx in target/documents/*.docx; do
  soffice --headless --norestore --convert-to pdf --outdir "$out" "$docx" >/dev/null 2>&1 || true
  pdf="$out/$(basename "${docx%.docx}").pdf"
  if [ -s "$pdf" ]; then
    echo "opens  $(basename "$docx") -> $(stat -c %s "$pdf") bytes of PDF"
  else
    echo "FAILED $(basename "$docx")"
    failed=1
  fi
done
exit $failed
