#!/usr/bin/env python3
"""`handbook serve` on the reference corpus: from saving an article to the reloaded page's `load` event in Chromium.

Usage: .build/venv/bin/python Benchmarks/serve_edit.py [--articles 10000] [--edits 10]   (after `make bench` made the
corpus and the release binary; selenium comes from the browser tests' virtual environment). The corpus is copied, the
copy served, one article opened in headless Chromium, and that article's body edited `--edits` times, one edit after
the page reloaded from the previous one. Each figure is the time from the file's write (just before it) to the new
page's `loadEventEnd`, both read from the same clock (the page's `performance.timeOrigin` is epoch time).
"""
import argparse
import pathlib
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / ".build" / "bench"
HANDBOOK = ROOT / ".build" / "release" / "handbook"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def wait(condition, seconds, what, every=0.005):
    """Calls `condition` every `every` seconds until it is true; the reload's time is read from the page itself,
    so asking less often does not change the figure, and keeps the asking out of the page's way."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception:  # the page is being replaced right now
            pass
        time.sleep(every)
    raise SystemExit(f"timed out after {seconds} s waiting for {what}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--pause", type=float, default=0.5,
                        help="seconds between a reload and the next save (the search index is written in them)")
    args = parser.parse_args()
    corpus = WORK / f"corpus-{args.articles}-{args.terms}" / "content"
    if not corpus.exists():
        raise SystemExit(f"{corpus} is missing: run `make bench` (or Benchmarks/bench.py) first")
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="serve-edit-"))
    content = scratch / "content"
    shutil.copytree(corpus, content)
    article = sorted((content / "articles").glob("*.md"))[len(list((content / "articles").glob("*.md"))) // 2]
    page = f"articles/{article.stem}.html"
    log = open(scratch / "serve.log", "w+")
    started = time.monotonic()
    server = subprocess.Popen([str(HANDBOOK), "serve", "--port", "0", "--content", str(content), "--templates",
                               str(ROOT / "templates")], stdout=log, stderr=subprocess.STDOUT)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    driver = None
    try:
        def served_url():
            log.seek(0)
            match = re.search(r"at (http://127\.0\.0\.1:\d+/)", log.read())
            return match.group(1) if match else None
        url = wait(served_url, 300, "serve to start")
        print(f"serve: first build and listening after {time.monotonic() - started:.1f} s; editing {page}", flush=True)
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        driver.get(url + page)
        text = article.read_text()
        times = []
        for edit in range(args.edits):
            driver.execute_script("window.__beforeEdit = true")
            time.sleep(args.pause)  # a pause between saves, as an author's: not a wait for a condition
            written = time.time()
            article.write_text(text + f"\nEdit number {edit + 1}, saved while the page was open.\n")
            wait(lambda: driver.execute_script(
                "return window.__beforeEdit === undefined && performance.timing.loadEventEnd > 0"), 60, "the reload", every=0.25)
            loaded = driver.execute_script("return performance.timing.loadEventEnd") / 1000
            assert f"Edit number {edit + 1}," in driver.page_source, "the reloaded page does not show the edit"
            times.append(loaded - written)
            print(f"  edit {edit + 1}: {1000 * (loaded - written):.0f} ms", flush=True)
        print(f"serve edit-to-reload at {args.articles:,} articles + {args.terms:,} terms, {args.pause} s between saves: median "
              f"{1000 * statistics.median(times):.0f} ms (min {1000 * min(times):.0f}, max {1000 * max(times):.0f}) "
              f"over {len(times)} edits")
    finally:
        if driver:
            driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
