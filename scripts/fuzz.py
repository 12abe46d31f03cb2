#!/usr/bin/env python3
"""Runs each libFuzzer target for a bounded time from a seed corpus made at run time.

Usage: scripts/fuzz.py SECONDS TARGET...   (built first by `make fuzz` into .build-fuzz)

Seeds come from content/ and the test fixtures, shaped for each target; they are written under
.build-fuzz/seeds, never committed. What the fuzzer learns stays in .build-fuzz/corpus between runs, and a
crash, hang or sanitizer report leaves its input in .build-fuzz/artifacts: turn it into a regression test.
"""
import os, pathlib, re, shutil, subprocess, sys

root = pathlib.Path(__file__).resolve().parent.parent
work = root / ".build-fuzz"
binaries = work / "release"
KINDS = {"articles": 0, "terms": 1, "archetypes": 2, "companies": 3}


def sources():
    """Every content file of the handbook and of the test fixtures, with its folder name."""
    for base in [root / "content", *sorted((root / "Tests").glob("*/Fixtures/*/content"))]:
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.suffix in (".md", ".yml"):
                yield path.parent.name, path.read_bytes()


def body(data):
    """The Markdown after the closing '---' line (the whole file when it has no front matter)."""
    parts = re.split(rb"^---[ \t\r]*$\n?", data, maxsplit=2, flags=re.M)
    return parts[2] if len(parts) == 3 and not parts[0].strip() else data


def seeds(target):
    """The seed inputs of a target, shaped as its entry point reads them."""
    for folder, data in sources():
        if target == "FuzzFrontMatter":
            # The first byte picks the kind: 0-3 a content file of that kind, 4 site.yml.
            selector = 4 if folder == "content" else KINDS.get(folder)
            if selector is not None:
                yield bytes([selector]) + data
        elif folder != "content":
            yield body(data)


def run(target, seconds):
    seed_dir = work / "seeds" / target
    corpus = work / "corpus" / target
    artifacts = work / "artifacts"
    shutil.rmtree(seed_dir, ignore_errors=True)
    for folder in (seed_dir, corpus, artifacts):
        folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for count, data in enumerate(seeds(target), 1):
        (seed_dir / f"seed-{count:04}").write_bytes(data)
    dictionary = root / "Fuzz" / f"{target}.dict"
    command = [
        str(binaries / target), str(corpus), str(seed_dir), f"-max_total_time={seconds}", "-timeout=10",
        "-rss_limit_mb=2048", "-max_len=65536", "-print_final_stats=1", f"-artifact_prefix={artifacts}/{target}-",
    ] + ([f"-dict={dictionary}"] if dictionary.exists() else [])
    print(f"== {target}: {seconds} s from {count} seeds", flush=True)
    log = work / f"{target}.log"
    with open(log, "wb") as out:
        # The Swift runtime's backtracer reads freed memory after a crash and buries the report under ASan noise.
        environment = dict(os.environ, SWIFT_BACKTRACE="enable=no")
        status = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, env=environment).returncode
    text = log.read_text(errors="replace")
    runs = re.search(r"stat::number_of_executed_units:\s*(\d+)", text)
    corpus_size = len(list(corpus.iterdir()))
    summary = f"{target}: {runs.group(1) if runs else '?'} executions, corpus {corpus_size} inputs"
    if status != 0:
        found = [line for line in text.splitlines() if "ERROR:" in line or "Test unit written" in line or "Fatal error" in line]
        print(f"{summary}: FAILED (exit {status}), log {log}", *found[-6:], sep="\n  ")
        return False
    print(f"{summary}: clean")
    return True


def main():
    seconds, targets = int(sys.argv[1]), sys.argv[2:]
    results = [run(target, seconds) for target in targets]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
