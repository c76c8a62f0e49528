#!/usr/bin/env bash
# Prints the size of what a visitor downloads before the first page:
# raw and gzip, for each file Trunk built and in total.
set -euo pipefail
dir=${1:-dist}
total_raw=0; total_gz=0
printf '%-44s %10s %10s\n' file bytes gzip
for f in "$dir"/index.html "$dir"/*.js "$dir"/*.wasm "$dir"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' "critical path total" "$total_raw" "$total_gz"
