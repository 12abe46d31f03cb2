#!/usr/bin/env python3
"""A Git repository holding a content folder with a long history, for timing page dates from Git (`make bench`).

The repository's work tree is `<target>/content`, byte for byte the source folder (so a build of it and of the source
differ only by the history); its history has one commit adding every file, then `--commits` commits by a handful of
authors over six years, each changing one to three pages (their text plus trailing blank lines, which render the same),
the last version of every file being the source's. Written with `git fast-import` in seconds.

usage: Benchmarks/gen_history.py SOURCE_CONTENT TARGET [--commits 10000] [--seed 42]
"""
import argparse
import pathlib
import random
import shutil
import subprocess

AUTHORS = ["Ana Alves", "Ben Berg", "Chloé Chen", "Dev Desai", "Eva Eriksen", "Femi Falade"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source", type=pathlib.Path)
    parser.add_argument("target", type=pathlib.Path)
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = sorted(p for p in args.source.rglob("*") if p.is_file())
    texts = {p.relative_to(args.source).as_posix(): p.read_bytes() for p in files}
    pages = [path for path in texts if path.endswith(".md")]

    shutil.rmtree(args.target, ignore_errors=True)
    args.target.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(args.target)], check=True)

    # Each page's edits, oldest first; its last edit writes the source's bytes, earlier ones add blank lines.
    edits = [[] for _ in range(args.commits)]
    for index in range(args.commits):
        for path in rng.sample(pages, rng.randint(1, 3)):
            edits[index].append(path)
    last = {}
    for index, paths in enumerate(edits):
        for path in paths:
            last[path] = index
    start = 1_546_300_800  # 2019-01-01
    span = 6 * 365 * 86_400
    stamps = sorted(rng.randrange(start, start + span) for _ in range(args.commits + 1))

    def commit(stream, when, author, message, changes):
        name = author
        email = author.split()[0].lower() + "@example.com"
        encoded = message.encode()
        stream.write(b"commit refs/heads/main\n")
        stream.write(f"author {name} <{email}> {when} +0100\ncommitter {name} <{email}> {when} +0100\n".encode())
        stream.write(b"data %d\n%s\n" % (len(encoded), encoded))
        for path, data in changes:
            stream.write(b"M 100644 inline content/%s\ndata %d\n%s\n" % (path.encode(), len(data), data))

    process = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=args.target, stdin=subprocess.PIPE)
    stream = process.stdin
    commit(stream, stamps[0], AUTHORS[0], "Import the handbook", list(texts.items()))
    for index, paths in enumerate(edits):
        changes = [(p, texts[p] if last[p] == index else texts[p] + b"\n" * (index % 7 + 2)) for p in paths]
        commit(stream, stamps[index + 1], rng.choice(AUTHORS), f"Update {', '.join(pathlib.Path(p).stem for p in paths)}", changes)
    stream.close()
    if process.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=args.target, check=True)


if __name__ == "__main__":
    main()
