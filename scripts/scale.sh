#!/usr/bin/env bash
# The compiler at the scale of the whole state: synthetic content for
# BODIES state bodies with PAGES pages, NEWS news items and DOCUMENTS
# documents each, in three languages (300 x 150 = 45,000 pages, 300 x 30 =
# 9,000 news items at most and 300 x 10 = 3,000 documents by default),
# written to target/synthetic, never content/.
#
#   scripts/scale.sh check   proves the three-click rule over it (a test:
#                            fails if the compiler finds any error)
#   scripts/scale.sh bench   also builds the full API and prints wall time,
#                            peak memory and output size (figures, no verdict)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-check}
BODIES=${BODIES:-300}
PAGES=${PAGES:-150}
NEWS=${NEWS:-30}
DOCUMENTS=${DOCUMENTS:-10}
OUT=target/synthetic
cargo build --quiet --release -p portal-compiler
BIN=target/release/portal-compiler
rm -rf "$OUT" "$OUT-api"
$BIN generate --bodies "$BODIES" --pages "$PAGES" --news "$NEWS" --documents "$DOCUMENTS" --out "$OUT"

# GNU time gives peak memory; without it, only the wall time is printed.
measure() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '  wall %e s, peak memory %M KB' "$@"
  else
    local start=$SECONDS
    "$@"
    echo "  wall $((SECONDS - start)) s (peak memory: install GNU time to see it)" >&2
  fi
}

case "$MODE" in
  check)
    # The report goes to a file: the verdict is the exit code and the proof line.
    $BIN check --content "$OUT" > target/synthetic-check.txt
    grep -q '^0 errors' target/synthetic-check.txt
    grep '^Every page is within 3 clicks' target/synthetic-check.txt
    echo "scale: $((BODIES * PAGES)) synthetic pages, news of $BODIES bodies, $((BODIES * DOCUMENTS)) documents in 3 languages: rule proven, report in target/synthetic-check.txt"
    ;;
  bench)
    echo "check (read, validate, prove, report; nothing written):"
    measure $BIN check --content "$OUT" > target/synthetic-check.txt
    echo "build (everything above, and write the API):"
    measure $BIN build --content "$OUT" --out "$OUT-api"
    echo "  output: $(find "$OUT-api" -type f | wc -l) files, $(du -sh "$OUT-api" | cut -f1)"
    echo "  search index: $(du -sh "$OUT-api/api/v1/search" | cut -f1) in $(find "$OUT-api/api/v1/search" -type f | wc -l) files"
    echo "  largest API documents:"
    # (|| true: head closing the pipe early is not a failure)
    find "$OUT-api/api" -name '*.json' -type f -printf '%s %P\n' | sort -rn | head -3 | awk '{ printf "    %8.1f KB  %s\n", $1 / 1024, $2 }' || true
    ;;
  *) echo "usage: scripts/scale.sh check|bench" >&2; exit 2 ;;
esac
