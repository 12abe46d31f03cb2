# The two commands of the README: `make site` and `make test`.
SYSTEM_LIBRARY := libcmark-gfm-dev libcmark-gfm-extensions-dev
TEST_PACKAGES := cmark-gfm chromium chromium-driver nodejs python3-venv default-jre-headless
PYTHON ?= python3
# Browser tests run in their own virtual environment under .build (git-ignored).
VENV := .build/venv

.PHONY: site test install deps test-deps build swift-test js-test browser-test lint format bench fuzz clean

## Build the handbook into public/ (installs libcmark-gfm first when missing).
site: deps
	swift build -c release --product handbook
	.build/release/handbook build

## Run every test: Swift unit, golden and CLI tests; node search tests; browser tests; format lint.
test: deps test-deps
	swift build --build-tests
	swift test
	node --test Tests/SearchJS/
	$(VENV)/bin/python -m pytest -q Tests/Browser Tests/CI
	swift format lint --strict --recursive Package.swift Sources Tests Fuzz

## Install the handbook binary as $(DESTDIR)$(PREFIX)/bin/handbook (make install PREFIX=~/.local). It keeps using
## the Swift runtime of the toolchain that built it, and libcmark-gfm.
PREFIX ?= /usr/local
install: deps
	swift build -c release --product handbook
	install -D -m 755 .build/release/handbook $(DESTDIR)$(PREFIX)/bin/handbook

deps:
	@scripts/ensure-packages.sh $(SYSTEM_LIBRARY)

test-deps: $(VENV)/.installed
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

$(VENV)/.installed: Tests/Browser/requirements.txt
	@scripts/ensure-packages.sh python3-venv
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q -r Tests/Browser/requirements.txt
	touch $@

## Rewrite sources with the committed .swift-format.
format:
	swift format -i --recursive Package.swift Sources Tests Fuzz

## Benchmarks (figures go into the issue notes, not into tests).
## Sizes (articles, 2,000 terms each) and rounds of the build benchmark against Hugo and the cmark-gfm floor.
BENCH_SIZES ?= 1000 10000
BENCH_ROUNDS ?= 3
BENCH_PACKAGES := hugo cmark-gfm time

bench: deps test-deps
	@scripts/ensure-packages.sh $(BENCH_PACKAGES)
	swift build -c release --product handbook
	swift build -c release --product handbook-bench
	.build/release/handbook-bench
	$(PYTHON) Benchmarks/bench.py --sizes $(BENCH_SIZES) --rounds $(BENCH_ROUNDS) --nested --git
	$(PYTHON) Benchmarks/incremental.py --articles $(lastword $(BENCH_SIZES)) --rounds $(BENCH_ROUNDS)
	$(VENV)/bin/python Benchmarks/serve_edit.py --articles $(lastword $(BENCH_SIZES)) --pause 0.5
	$(VENV)/bin/python Benchmarks/serve_edit.py --articles $(lastword $(BENCH_SIZES)) --pause 2
	$(VENV)/bin/python Benchmarks/search_bench.py
	$(PYTHON) Benchmarks/pathological.py
	$(PYTHON) Benchmarks/interrupted_builds.py

## Fuzz the parsers with libFuzzer and AddressSanitizer, FUZZ_SECONDS (default 60) per target. The targets live
## in their own package (Fuzz/), built into .build-fuzz: `swift build` and `make test` never compile them.
## Coverage comes from -sanitize-coverage on every module; each target links libFuzzer itself (Fuzz/Package.swift).
## The build runs the template-embedding plugin under ASan too: its exit-time "leaks" are not ours to fix.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzFrontMatter FuzzMarkdown FuzzSearchTokenizer
FUZZ_COVERAGE := edge,trace-cmp,inline-8bit-counters,pc-table
fuzz: deps
	ASAN_OPTIONS=detect_leaks=0 swift build -c release --package-path Fuzz --scratch-path $(CURDIR)/.build-fuzz \
		-Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=$(FUZZ_COVERAGE) -Xswiftc -enable-testing \
		-Xswiftc -use-ld=lld -Xcc -fsanitize=address -Xcc -fsanitize-coverage=$(FUZZ_COVERAGE)
	$(PYTHON) scripts/fuzz.py $(FUZZ_SECONDS) $(FUZZ_TARGETS)

clean:
	rm -rf .build .build-fuzz public
