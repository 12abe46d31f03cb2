#!/usr/bin/env python3
"""Incremental builds on the reference corpus: a full build, a rebuild with nothing changed, a one-article edit.

Usage: python3 Benchmarks/incremental.py [--articles 10000] [--rounds 3]   (after `make bench` made the corpus
and the release binary). The corpus is copied so that the edit never touches it. For each rebuild it prints the
wall time (median of the rounds), its share of the full build, and how many output files were written anew
(a new inode) rather than linked from the previous output (the same inode).
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / ".build" / "bench"
HANDBOOK = ROOT / ".build" / "release" / "handbook"


def inodes(public):
    return {path.relative_to(public): path.stat().st_ino for path in public.rglob("*") if path.is_file()}


def build(content, output, *extra):
    start = time.monotonic()
    subprocess.run([str(HANDBOOK), "build", "--quiet", "--content", str(content), "--templates",
                    str(ROOT / "templates"), "--output", str(output), *extra], check=True)
    return time.monotonic() - start


def timed_rebuild(content, output, rounds, change=None, undo=None):
    """Median wall time of a rebuild after `change`; files written anew in the last round."""
    times, written, total = [], 0, 0
    for _ in range(rounds):
        if change:
            change()
        before = inodes(output)
        times.append(build(content, output))
        after = inodes(output)
        written = sum(1 for path, inode in after.items() if before.get(path) != inode)
        total = len(after)
        if undo:
            undo()
            build(content, output)
    return statistics.median(times), written, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpus = WORK / f"corpus-{args.articles}-{args.terms}" / "content"
    if not corpus.exists():
        sys.exit(f"no corpus at {corpus}: run `make bench` first")
    site = WORK / f"incremental-{args.articles}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(corpus, site / "content")
    content, output = site / "content", site / "public"

    fulls = [build(content, output, "--no-cache") for _ in range(args.rounds)]
    full = statistics.median(fulls)
    print(f"incremental builds, {args.articles:,} articles + {args.terms:,} terms, median of {args.rounds}")
    print(f"  full build (--no-cache)        {full:6.2f} s")

    unchanged, written, total = timed_rebuild(content, output, args.rounds)
    print(f"  nothing changed                {unchanged:6.2f} s  {unchanged / full:5.1%} of full; "
          f"{written} of {total} files written")

    articles = sorted((content / "articles").glob("*.md"))
    article = articles[len(articles) // 2]
    original = article.read_text()

    def edit():
        article.write_text(original + "\nOne more sentence, added by the incremental benchmark.\n")
        # A save within the same second as the last build must still be seen as a change.
        os.utime(article, (time.time() + 5, time.time() + 5))

    def revert():
        article.write_text(original)
        os.utime(article, (time.time() + 10, time.time() + 10))

    edited, written, total = timed_rebuild(content, output, args.rounds, edit, revert)
    print(f"  one article edited             {edited:6.2f} s  {edited / full:5.1%} of full; "
          f"{written} of {total} files written")

    edit()
    build(content, output)
    check = site / "check"
    build(content, check, "--no-cache")
    revert()
    same = subprocess.run(["diff", "-r", "-q", str(output), str(check)], capture_output=True, text=True)
    print(f"  after the edit, the incremental output equals a full build: {'yes' if same.returncode == 0 else 'NO'}")
    if same.returncode != 0:
        print(same.stdout[:2000])
        sys.exit(1)


if __name__ == "__main__":
    main()
