# The portal's commands. Each target installs what it needs first
# (scripts/bootstrap.sh) and skips what is already installed.
#
#   make serve   build everything and serve the portal at http://127.0.0.1:8080
#   make test    run every test (native, browser components, end to end)
#   make dist    write the deployable static files to dist/
#   make preview serve dist/ through deploy/nginx.conf at http://127.0.0.1:8081

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Trunk would ask the registry for a newer version of itself on every run.
export TRUNK_SKIP_VERSION_CHECK := true
# Absolute address the sitemap names; set it to the public address when deploying.
export PORTAL_SITE_URL ?= http://127.0.0.1:8080
PORT ?= 8080
# Where the feedback service listens; deploy/nginx.conf proxies /feedback/ to 8090.
FEEDBACK_PORT ?= 8090
# The renderer: the app's components rendering pages natively (crates/render).
# The build of the bundled content uses the debug build the tests share
# (about 125 pages/s, a few seconds here, and minutes less to compile on a
# new machine); publishing at national volume uses the optimised one
# (about 3,000 pages/s).
RENDER = cargo run --quiet -p portal-render --
RENDER_FAST = cargo run --quiet --profile native -p portal-render --

.PHONY: feedback-service bench-feedback publish publish-full format lint e2e-variant bench bench-navigation bench-scale bench-search check-content test-scale serve dist dist-subpath preview content watch test test-native test-wasm test-e2e schema clean tools

tools:
	@scripts/bootstrap.sh rust npm

## Release build of the app with its compiled content, into dist/, and
## every page of the sitemap rendered natively by the app's components.
dist: tools
	trunk build --release
	$(RENDER) --dist dist --state target/render-state.json
	node scripts/precompress.mjs dist
	@scripts/report-sizes.sh dist

## Publish changed content into the deployed build in dist/ (made by make dist):
## the content API files that changed, the pages whose documents changed, their
## compressed copies; what left the content goes. State: .dist.written (the
## compiler's list of what it wrote), target/render-state.json (the renderer's)
## and .dist.compressed (what has its compressed copies).
## The search index is not rebuilt: what changed is indexed beside it
## (state: .dist.search). `make publish-full` rebuilds it whole, folding the
## changes in; run it daily (docs/deploy.md).
publish:
	cargo run --quiet --profile native -p portal-compiler -- build --content content --out dist $(INDEX)
	$(RENDER_FAST) --dist dist --state target/render-state.json
	node scripts/precompress.mjs dist --written .dist.written

publish-full:
	$(MAKE) publish INDEX=--full-index

## Build, then serve dist/ on loopback (app routes fall back to index.html),
## with the feedback service on its SQLite file (target/feedback/feedback.db).
serve: dist feedback-service
	@target/debug/portal-feedback serve --api dist/api/v1 --listen 127.0.0.1:$(FEEDBACK_PORT) & service=$$!; \
	trap "kill $$service 2>/dev/null" EXIT; \
	node scripts/serve.mjs --root dist --port $(PORT) --feedback 127.0.0.1:$(FEEDBACK_PORT)

## The feedback service (crates/feedback), the debug build the tests share.
feedback-service: tools
	cargo build --quiet -p portal-feedback

## Serve dist/ through the deployment's nginx configuration, in the foreground.
preview: dist feedback-service
	@scripts/bootstrap.sh nginx
	mkdir -p target/nginx/tmp
	@echo "Serving dist/ at http://127.0.0.1:8081/ through deploy/nginx.conf (Ctrl+C to stop)"
	@target/debug/portal-feedback serve --api dist/api/v1 --listen 127.0.0.1:8090 & service=$$!; \
	trap "kill $$service 2>/dev/null" EXIT; \
	nginx -p $(CURDIR)/ -c deploy/nginx.conf

## Performance against a GOV.UK Frontend page of the same content (a script, not a test).
bench: dist
	@scripts/bootstrap.sh browser nginx
	node scripts/bench.mjs
	$(MAKE) bench-feedback

## Only client-side navigation and memory growth (about a minute), after a change to the app.
bench-navigation: dist
	@scripts/bootstrap.sh browser nginx
	node scripts/bench.mjs --navigation

## The feedback service: reports a second it stores, answer times, memory (SQLite and PostgreSQL).
bench-feedback: dist
	@scripts/bootstrap.sh postgres
	cargo build --quiet --profile native -p portal-feedback
	scripts/postgres.sh node scripts/bench-feedback.mjs

## Development server with rebuild on change (debug build, Trunk's own server).
watch: tools
	trunk serve

## Compile content/ only: validates it and writes target/content-api/.
content:
	cargo run --quiet -p portal-compiler -- build --content content --out target/content-api

## Every finding about content/ and the quality report; fails on errors.
check-content:
	cargo run --quiet -p portal-compiler -- check --content content

## The compiler at 300 bodies x 150 pages of synthetic content: time and memory.
bench-scale:
	scripts/scale.sh bench

## Search figures: index size, bytes and time per query, bundled and synthetic content.
bench-search: dist
	@scripts/bootstrap.sh browser nginx
	scripts/scale.sh bench
	node scripts/bench-search.mjs

## Regenerate the committed JSON Schema of the content API.
schema:
	cargo run --quiet -p portal-compiler -- schema > docs/content-api.schema.json

format: tools
	@scripts/bootstrap.sh format
	leptosfmt --quiet src/ tests/
	cargo fmt --all

test: lint test-native test-scale test-wasm test-e2e

## Formatting and lints: rustfmt, leptosfmt for the view! markup, and clippy
## on the native crates and on the browser app. `make format` fixes the first two.
lint: tools
	@scripts/bootstrap.sh format
	cargo fmt --all -- --check
	leptosfmt --quiet --check src/ tests/
	cargo clippy --quiet --workspace --all-targets -- -D warnings
	cargo clippy --quiet --target wasm32-unknown-unknown -p portal --features hydrate --all-targets -- -D warnings

## The feedback service's tests run against SQLite and a throwaway PostgreSQL server.
test-native:
	@scripts/bootstrap.sh postgres
	cargo test -p portal-content -p portal-compiler -p portal-render
	scripts/postgres.sh cargo test -p portal-feedback

## The three-click proof over 45,000 synthetic pages (target/synthetic).
test-scale:
	scripts/scale.sh check
test-wasm: tools
	@scripts/bootstrap.sh browser
	cargo test --target wasm32-unknown-unknown -p portal --features hydrate

test-e2e: dist dist-subpath e2e-variant feedback-service
	@scripts/bootstrap.sh browser nginx java
	node --test --test-concurrency=1 tests/e2e/

## dist/ serving a copy of content/ with one translation removed, for the
## tests of the page that tells a reader an item is not in their language
## (the bundled content has every item in every language).
e2e-variant: dist
	rm -rf target/e2e-variant target/e2e-variant-content target/e2e-variant-api
	cp -r dist target/e2e-variant && rm -rf target/e2e-variant/api
	# Without the prerendered pages, which show the bundled content: every page is the app's.
	rm -rf target/e2e-variant/kk target/e2e-variant/ru target/e2e-variant/en
	cp -r content target/e2e-variant-content && rm target/e2e-variant-content/pages/temporary-registration/en.md
	# Test counts of readers' answers (tests/e2e/feedback-counts.json, not real figures), so
	# the quality report's readers section is built and audited.
	cargo run --quiet -p portal-compiler -- build --content target/e2e-variant-content --out target/e2e-variant-api \
	  --feedback-counts tests/e2e/feedback-counts.json
	cp -r target/e2e-variant-api/api target/e2e-variant/api
	# Also a deployment without the feedback service (docs/deploy.md): its meta is emptied.
	sed -i 's|<meta name="portal-feedback" content="feedback/">|<meta name="portal-feedback" content="">|' target/e2e-variant/index.html
	grep -q '<meta name="portal-feedback" content="">' target/e2e-variant/index.html

## The same release built for deployment under /portal/, for the sub-path tests.
dist-subpath: tools
	trunk build --release --public-url /portal/ --dist target/subpath-root/portal
	$(RENDER) --dist target/subpath-root/portal

clean:
	rm -rf dist target/content-api
