#!/usr/bin/env bash
# The compiler at the scale of the whole state: synthetic content for
# BODIES state bodies with PAGES pages, NEWS news items and DOCUMENTS
# documents each, in three languages (300 x 150 = 45,000 pages, 300 x 30 =
# 9,000 news items at most and 300 x 10 = 3,000 documents by default),
# written to target/synthetic, never content/.
#
#   scripts/scale.sh check   proves the three-click rule over it (a test:
#                            fails if the compiler finds any error)
#   scripts/scale.sh bench   also builds the full API, renders every page
#                            (crates/render), then publishes one news item
#                            incrementally, and prints wall time, peak memory,
#                            pages per second and output size (figures, no verdict)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-check}
BODIES=${BODIES:-300}
PAGES=${PAGES:-150}
NEWS=${NEWS:-30}
DOCUMENTS=${DOCUMENTS:-10}
OUT=target/synthetic
# The benchmark measures the optimised native profile (Cargo.toml), with the
# renderer. The check (part of `make test`) uses the debug build the other
# tests share: about a minute slower to run (78 s against 24 s), minutes
# faster than compiling a second profile on a machine that starts cold, as CI does.
if [ "$MODE" = bench ]; then
  cargo build --quiet --profile native -p portal-compiler -p portal-render
  BIN=target/native/portal-compiler
else
  cargo build --quiet -p portal-compiler
  BIN=target/debug/portal-compiler
fi
RENDER=target/native/portal-render
# With the state the last build kept beside its output, so each run starts from nothing.
rm -rf "$OUT" "$OUT-api" "target/.$(basename "$OUT")-api."*
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
    echo "build (everything above, and write the API; the time of each stage first):"
    PORTAL_PHASES=1 measure $BIN build --content "$OUT" --out "$OUT-api"
    echo "  output: $(find "$OUT-api" -type f | wc -l) files, $(du -sh "$OUT-api" | cut -f1)"
    echo "  search index: $(du -sh "$OUT-api/api/v1/search" | cut -f1) in $(find "$OUT-api/api/v1/search" -type f | wc -l) files"
    echo "  largest API documents:"
    # (|| true: head closing the pipe early is not a failure)
    find "$OUT-api/api" -name '*.json' -type f -printf '%s %P\n' | sort -rn | head -3 | awk '{ printf "    %8.1f KB  %s\n", $1 / 1024, $2 }' || true

    # The pages, rendered by the app's components into the output as into a
    # build; the shell is the app's own when dist/ has been built.
    if [ -f dist/index.html ]; then cp dist/index.html "$OUT-api/index.html"; else
      printf '<!DOCTYPE html>\n<html lang="kk">\n<head>\n<meta name="portal-api-base" content="api/v1/">\n<base href="/" />\n<title>Portal</title>\n</head>\n<body>\n</body>\n</html>\n' > "$OUT-api/index.html"
    fi
    echo "render every page (the app's components, natively):"
    rm -f target/synthetic-render-state.json
    measure $RENDER --dist "$OUT-api" --state target/synthetic-render-state.json

    # One news item published into the built site, end to end: API, lists,
    # archive, feeds, sitemap, search index (the item beside the full index),
    # and its page.
    NEW="$OUT/news/published-today"
    mkdir -p "$NEW"
    printf 'agency = "body-001"\npublished = 2026-11-30\n' > "$NEW/meta.toml"
    for lang in kk ru en; do
      printf '+++\ntitle = "Published today (%s)"\nsummary = "One news item published into the built site."\n+++\nText.\n' "$lang" > "$NEW/$lang.md"
    done
    echo "publish one news item (compile, writing what changed; render what changed):"
    PORTAL_PHASES=1 measure $BIN build --content "$OUT" --out "$OUT-api"
    echo "  search delta beside the full index: $(du -sh "$OUT-api/api/v1/search-delta" | cut -f1) in $(find "$OUT-api/api/v1/search-delta" -type f | wc -l) files"
    measure $RENDER --dist "$OUT-api" --state target/synthetic-render-state.json
    rm -rf "$NEW"
    ;;
  *) echo "usage: scripts/scale.sh check|bench" >&2; exit 2 ;;
esac
