# The two commands of the README: `make site` and `make test`.
SYSTEM_LIBRARY := libcmark-gfm-dev libcmark-gfm-extensions-dev
TEST_PACKAGES := chromium chromium-driver nodejs python3-venv default-jre-headless
PYTHON ?= python3
# Browser tests run in their own virtual environment under .build (git-ignored).
VENV := .build/venv

.PHONY: site test deps test-deps build swift-test js-test browser-test lint format bench clean

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
	swift format lint --strict --recursive Package.swift Sources Tests

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
	swift format -i --recursive Package.swift Sources Tests

## Benchmarks (figures go into the issue notes, not into tests).
bench: deps
	swift build -c release --product handbook
	swift build -c release --product handbook-bench
	$(PYTHON) Benchmarks/run.py

clean:
	rm -rf .build public
