#!/usr/bin/env python3
"""Generate a large synthetic site: N articles of about 4 KB and M glossary terms, deterministic.

Usage: generate_site.py OUT_DIR [--articles 10000] [--terms 2000]
"""
import argparse, pathlib, random, shutil

WORDS = ("the team builds services with data and tests every release while reviewing code for "
         "customers who need reliable reports dashboards pipelines and models").split()

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--terms", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(42)
    out = pathlib.Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    for folder in ("articles", "terms"):
        (out / folder).mkdir(parents=True)
    (out / "site.yml").write_text("title: Benchmark Handbook\n")
    names = []
    for i in range(args.terms):
        name = f"Tool{i} Engine" if i % 3 == 0 else f"lib{i}"
        names.append(name)
        (out / "terms" / f"term-{i}.md").write_text(
            f"---\ntitle: {name}\nsummary: Term number {i}, defined in one sentence.\ncategory: tool\n"
            f"aliases: [alias{i}]\n---\n## What it is\n\n{name} is a tool. See {names[i // 2]}.\n")
    for i in range(args.articles):
        sections = []
        for s in range(4):
            sentences = []
            for _ in range(7):
                words = [rng.choice(WORDS) for _ in range(14)]
                words[rng.randrange(14)] = rng.choice(names)
                sentences.append(" ".join(words).capitalize() + ".")
            sections.append(f"## Section {s} of article {i}\n\n" + " ".join(sentences) + "\n")
        (out / "articles" / f"article-{i}.md").write_text(
            f"---\ntitle: Article {i}\nsummary: Synthetic article {i} for the benchmark.\norder: {i}\n"
            f"tags: [tag{i % 50}]\n---\n" + "\n".join(sections))

if __name__ == "__main__":
    main()
