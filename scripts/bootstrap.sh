#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already
# there at the right version. Idempotent; run by every make target.
#
#   scripts/bootstrap.sh rust      wasm32 target, rustfmt and clippy, Trunk, wasm-bindgen CLI
#   scripts/bootstrap.sh format    leptosfmt, which formats the view! markup rustfmt leaves alone
#   scripts/bootstrap.sh npm       wasm-opt (binaryen), Playwright and the HTML checker, from package-lock.json
#   scripts/bootstrap.sh java      a Java runtime from Debian, for the HTML checker (vnu-jar)
#   scripts/bootstrap.sh browser   Chromium and chromedriver from Debian
#   scripts/bootstrap.sh nginx     nginx with the brotli_static module from Debian
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14   # 0.22 needs a newer rustc than this toolchain
say() { printf 'bootstrap: %s\n' "$*" >&2; }

rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "adding $component"
      rustup component add "$component"
    fi
  done
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing Trunk $TRUNK_VERSION (takes several minutes once)"
    # Unoptimised (--debug): Trunk mostly runs cargo, wasm-bindgen and wasm-opt.
    # It compiles in 4 min 38 s here against 6 min 48 s optimised even without
    # its fat LTO, a release build takes 3 s longer (18.5 s against 15.7 s,
    # warm), and the output is byte-identical.
    cargo install trunk --version "$TRUNK_VERSION" --locked --debug
  fi
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or
  # Trunk would try to download one (and fail offline).
  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  if [ -z "$want" ]; then
    say "Cargo.lock names no wasm-bindgen version"; exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] \
     || ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $want"
    # No --locked: its lock pins a crate version the registry no longer serves.
    # Optimised, unlike Trunk and leptosfmt: unoptimised it compiled 2 min
    # faster but ran 7-10 times slower on every wasm it binds (22.6 s instead
    # of 2.4 s for one test binary).
    cargo install wasm-bindgen-cli --version "$want"
  fi
  # Trunk builds offline (Trunk.toml): every crate of Cargo.lock, for every
  # target and feature, must be in the local registry first. Quick when it is.
  cargo fetch --quiet
}

LEPTOSFMT_VERSION=0.1.33
format() {
  if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
    say "installing leptosfmt $LEPTOSFMT_VERSION (takes about two minutes once)"
    # Unoptimised: it formats the project's files in half a second either way.
    cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --debug
  fi
}

npm_packages() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    # No install scripts: vnu-jar's would download a Java runtime (the bootstrap's java part installs Debian's).
    npm ci --no-audit --no-fund --ignore-scripts
  fi
}

apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"
}

browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    return
  fi
  say "installing Chromium and chromedriver from Debian"
  apt_install chromium chromium-driver
}

java_runtime() {
  if command -v java >/dev/null; then
    return
  fi
  say "installing a Java runtime from Debian"
  apt_install default-jre-headless
}

nginx_server() {
  if command -v nginx >/dev/null && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    return
  fi
  say "installing nginx and its brotli_static module from Debian"
  apt_install nginx libnginx-mod-http-brotli-static
}

postgres_server() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    return
  fi
  say "installing PostgreSQL from Debian (the feedback service's tests run against it)"
  apt_install postgresql
}

for part in "$@"; do
  case "$part" in
    rust) rust ;;
    format) format ;;
    npm) npm_packages ;;
    browser) browser ;;
    nginx) nginx_server ;;
    java) java_runtime ;;
    postgres) postgres_server ;;
    *) say "unknown part: $part"; exit 2 ;;
  esac
done
