#!/usr/bin/env python3
"""Time and peak memory of the release build on each pathological input (the tests only check results).

Usage: python3 Benchmarks/pathological.py [HANDBOOK]   (default .build/release/handbook; `make bench` builds it)
Each case is a one-article site (plus one term) in a temporary folder; the table gives exit code, wall time,
peak resident memory and the first line of stderr.
"""
import os, pathlib, resource, shutil, subprocess, sys, tempfile, time

root = pathlib.Path(__file__).resolve().parent.parent
handbook = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root / ".build/release/handbook")
TERM = b"---\ntitle: Django\nsummary: A web framework.\ncategory: framework\n---\nDjango.\n"


def page(body):
    return b"---\ntitle: Deep\nsummary: A hard page.\n---\n" + body.encode()


def bomb():
    yaml = "title: Deep\nsummary: A hard page.\ntags:\n  - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for name, previous in zip("bcdefghi", "abcdefgh"):
        yaml += f"  - &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    return f"---\n{yaml}---\nBody.\n".encode()


def table(columns):
    return page("|" + " h |" * columns + "\n|" + "---|" * columns + "\n|" + " Django |" * columns + "\n")


CASES = {
    "invalid UTF-8 with NUL bytes": {"articles/deep.md": b"---\ntitle: A\nsummary: S.\n---\nA NUL \0 is valid; \xff\xfe\0 is not.\n"},
    "empty file": {"articles/deep.md": b""},
    "BOM with CRLF": {"articles/deep.md": "\ufeff---\r\ntitle: Deep\r\nsummary: S.\r\n---\r\nWe use Django.\r\n".encode()},
    "FIFO": {"articles/deep.md": None},
    "symlink loop": {"articles/deep.md": "deep.md"},
    "YAML alias bomb": {"articles/deep.md": bomb()},
    "case-only duplicate slugs": {"terms/Django.md": TERM},
    "50,000 nested quotes": {"articles/deep.md": page(">" * 50_000 + " Django, deep down.\n")},
    "3,000-deep list": {"articles/deep.md": page("- " * 3_000 + "Django at the bottom\n")},
    "100,000 emphasis openers and brackets": {"articles/deep.md": page("*" * 100_000 + " " + "[" * 100_000 + " Django ]] " + "[" * 100_000 + "\n")},
    "5,000-column table": {"articles/deep.md": table(5_000)},
    "5 MB line": {"articles/deep.md": page("word " * 1_000_000 + "Django.\n")},
}


def make_site(folder, files):
    content = folder / "content"
    (content / "terms").mkdir(parents=True)
    (content / "articles").mkdir()
    (content / "site.yml").write_text("title: Pathological\n")
    (content / "terms/django.md").write_bytes(TERM)
    for path, data in files.items():
        target = content / path
        if data is None:
            os.mkfifo(target)
        elif isinstance(data, str):
            target.symlink_to(data)
        else:
            target.write_bytes(data)


def run(name, files):
    folder = pathlib.Path(tempfile.mkdtemp(prefix="handbook-pathological-"))
    try:
        make_site(folder, files)
        command = [str(handbook), "build", "--quiet", "--content", str(folder / "content"), "--templates",
                   str(root / "templates"), "--output", str(folder / "public")]
        start = time.time()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stderr = process.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.time() - start
        first = stderr.splitlines()[0].replace(str(folder), "$TMP") if stderr else "(page built)"
        return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), first
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    print(f"{'case':40} {'exit':>4} {'seconds':>8} {'MB':>6}  result")
    total = 0.0
    peak = 0.0
    for name, files in CASES.items():
        seconds, megabytes, code, first = run(name, files)
        total += seconds
        peak = max(peak, megabytes)
        print(f"{name:40} {code:>4} {seconds:8.2f} {megabytes:6.0f}  {first[:110]}")
    print(f"{'all':40} {'':>4} {total:8.2f} {peak:6.0f}  (sum of times, largest peak)")


if __name__ == "__main__":
    main()
