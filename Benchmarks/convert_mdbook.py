#!/usr/bin/env python3
"""Converts an mdBook's src/ folder into a handbook content folder, to try the link checker on a real book.

    python3 Benchmarks/convert_mdbook.py BOOK/src OUT [--with-images]

Every chapter becomes content/articles/<file name>.md (front matter: title from its first heading, a
summary, the SUMMARY.md reading order); links to chapters written as `x.html` or `x.md` become `x.md`,
anchors kept as written. Other relative links and images are kept as written; their files are copied
only with --with-images. Prints how many links of each sort the book has.
"""
import os
import re
import shutil
import sys

LINK = re.compile(r"(\]\(|^\[[^\]]+\]:\s*)(<?)([^)\s>]+)")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    src, out = args
    with_images = "--with-images" in sys.argv
    order = {}
    with open(os.path.join(src, "SUMMARY.md"), encoding="utf-8") as summary:
        for match in re.finditer(r"\]\(([^)]+\.md)\)", summary.read()):
            order.setdefault(match.group(1), len(order) + 1)
    chapters = sorted(n for n in os.listdir(src) if n.endswith(".md") and n != "SUMMARY.md")
    stems = {n[:-3] for n in chapters}
    articles = os.path.join(out, "content", "articles")
    os.makedirs(articles, exist_ok=True)
    with open(os.path.join(out, "content", "site.yml"), "w", encoding="utf-8") as site:
        site.write("title: Converted book\n")
    counts = {"chapters": 0, "chapter links": 0, "chapter links with #anchor": 0, "other relative links": 0}
    for name in chapters:
        stem = name[:-3]
        if not SLUG.match(stem):
            print(f"skipped {name}: not a valid slug", file=sys.stderr)
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), stem)

        def rewrite(match):
            prefix, bracket, url = match.groups()
            if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/|^#", url):
                return match.group(0)
            path, _, anchor = url.partition("#")
            base = path[:-5] if path.endswith(".html") else path[:-3] if path.endswith(".md") else None
            if base in stems:
                counts["chapter links"] += 1
                counts["chapter links with #anchor"] += bool(anchor)
                return prefix + bracket + base + ".md" + ("#" + anchor if anchor else "")
            counts["other relative links"] += 1
            return match.group(0)

        body = "\n".join(LINK.sub(rewrite, line) for line in text.splitlines()) + "\n"
        front = f"title: {yaml_string(title)}\nsummary: {yaml_string('Chapter ' + stem + ' of the book.')}\n"
        if name in order:
            front += f"order: {order[name]}\n"
        with open(os.path.join(articles, name), "w", encoding="utf-8") as f:
            f.write(f"---\n{front}---\n{body}")
        counts["chapters"] += 1
    if with_images:
        for folder, _, files in os.walk(src):
            for file in files:
                if not file.endswith(".md"):
                    relative = os.path.relpath(os.path.join(folder, file), src)
                    target = os.path.join(articles, relative)
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    shutil.copyfile(os.path.join(folder, file), target)
    for key, value in counts.items():
        print(f"{key}: {value}")


def yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    main()
