#!/usr/bin/env python3
"""Nested variant of the benchmark corpus: the same pages, in folders five deep, as plain Markdown.

usage: gen_nested.py OUT_DIR --pages 10000 --terms 2000 [--seed 42] [--words 800] [--corpus-module PATH]

Writes OUT_DIR/content/site.yml and OUT_DIR/content/terms/ byte for byte as gen_corpus.py does for the same
seed and term count, and instead of content/articles/ a tree of sections:

- five levels of folders (fan-outs shrunk from 10 x 5 x 4 x 3 x 2 to the size, so that a leaf folder holds
  about 10-20 pages: 10 x 4 x 3 x 3 x 2 at 10,000 pages, 5 x 2 x 2 x 2 x 2 at 1,000; a few pages sit in the
  folders above), named in mixed styles without spaces (`People_Ops`, `hiring-process`, `OnboardingGuides`);
  no top-level folder slugs like terms/, archetypes/, companies/ or the site's own paths;
- every folder has a section page, `index.md` and `README.md` alternately (content/ itself only with
  --root-index): `# Folder Title`, a paragraph, and links to the folder's pages (`./x.md`) and subfolders
  (`./Sub/` or `./Sub/README.md`);
- pages without front matter: `# Title` on the first line, then the body. Titles and bodies are those of the
  flat corpus's articles (the same random stream, so the same text, word count and term mentions); file names
  are the titles in mixed styles (`hm_intro_call.md`, `Required-posting-page.md`, `interview-process.md`,
  `InterviewProcess.md`) and no two entries of a folder (files or subfolders) slug alike
  (slug = lowercase, runs of non-alphanumerics to one hyphen);
- links between pages are relative Markdown links: the flat corpus's links to sibling articles (`slug.md`) point
  to the same target page by its relative path (`../../a/b/c.md`), and each page gets more so that it has at
  least three, of these kinds: `./z.md`, `../x/y.md`, a folder `../other/` or `../../Guilds/`, the own or parent
  section page `./index.md` / `../README.md`; about a third of the page links carry a `#fragment` naming a
  real heading of the target by GitHub's rule (lowercase, spaces to hyphens, punctuation but `-` and `_` removed,
  repeats suffixed -1, -2).

Deterministic: the structure comes from its own seeded stream, so the text does not depend on it.
Importable: `generate(out, pages, terms, seed=42, words=800)` returns a summary dict.
"""
import argparse
import importlib.util
import os
import posixpath
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Fan-outs of the five folder levels before they are shrunk to the corpus size.
FANOUTS = [10, 5, 4, 3, 2]
PAGES_PER_LEAF = 13  # target average; leaves end up with about 10-20

TOP_NAMES = [
    "People Ops", "Hiring Process", "Onboarding Guides", "Engineering", "Product Management", "Security",
    "Finance", "Legal", "Marketing", "Sales", "Customer Support", "Infrastructure", "Design", "Data Team",
    "Company", "Leadership", "Developer Relations", "Quality", "Operations", "Guilds",
]
QUALIFIERS = (
    "team release incident vendor benefits travel oncall interview hiring onboarding offboarding payroll "
    "security access budget planning roadmap design review quarterly annual backend frontend mobile platform "
    "data api billing compliance privacy training mentoring career promotion feedback meeting remote office "
    "expense equipment recruiting sourcing referral contract partner launch pricing research analytics "
    "monitoring deploy testing runbook escalation retro demo writing style tooling account"
).split()
NOUNS = (
    "guides process policies playbooks notes reviews templates checklists rituals handbook workflows "
    "standards practices faq howtos procedures principles basics loops calls meetings plans reports "
    "docs overview program rotation tracks steps"
).split()
# Slugs a top-level folder must not take: excluded folders and the site's own paths.
RESERVED_TOP = {"terms", "archetypes", "companies", "articles", "assets", "glossary", "search", "tags",
                "index", "readme", "404", "feed", "sitemap"}
RESERVED_IN_FOLDER = {"index", "readme", "_index"}


def slugify(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def github_id(text):
    """GitHub's heading anchor: lowercase, drop all but letters, digits, spaces, hyphens and underscores,
    spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", text.lower(), flags=re.ASCII).replace(" ", "-")


def load_corpus_module(path=None):
    path = path or os.path.join(HERE, "gen_corpus.py")
    spec = importlib.util.spec_from_file_location("gen_corpus_for_nested", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def styled(words, style):
    """Joins words in one of the mixed naming styles (never with spaces)."""
    words = [w for w in words if w]
    if style == "Title_Snake":
        return "_".join(w.capitalize() for w in words)
    if style == "lower-kebab":
        return "-".join(w.lower() for w in words)
    if style == "CamelCase":
        return "".join(w[:1].upper() + w[1:].lower() for w in words)
    if style == "lower_snake":
        return "_".join(w.lower() for w in words)
    if style == "Sentence-kebab":  # Required-posting-page
        return "-".join([words[0].capitalize()] + [w.lower() for w in words[1:]])
    if style == "Title-Kebab":
        return "-".join(w.capitalize() for w in words)
    raise ValueError(style)


FOLDER_STYLES = ["Title_Snake", "lower-kebab", "CamelCase", "lower_snake", "Title-Kebab"]
FILE_STYLES = ["lower_snake", "Sentence-kebab", "lower-kebab", "lower-kebab", "CamelCase", "Title_Snake"]


def fanouts_for(pages):
    """Five levels; shrinks them until leaves hold about PAGES_PER_LEAF pages (10 x 4 x 3 x 3 x 2 at 10,000 pages,
    4 x 2 x 2 x 2 x 2 at 1,000)."""
    f = list(FANOUTS)
    target = max(1, pages / PAGES_PER_LEAF)

    def product():
        p = 1
        for x in f:
            p *= x
        return p

    while product() > target * 1.1:
        # the deepest largest level first, down to 2 so that every level branches; then the top; then 1s
        deeper = [i for i in range(1, len(f)) if f[i] > 2]
        if deeper:
            top = max(f[i] for i in deeper)
            i = max(i for i in deeper if f[i] == top)
        elif f[0] > 1:
            i = 0
        elif any(x > 1 for x in f):
            i = max(i for i in range(len(f)) if f[i] > 1)
        else:
            break
        f[i] -= 1
    return f


class Folder:
    def __init__(self, path, name, title, depth, parent):
        self.path = path          # content-relative, "" for content/
        self.name = name
        self.title = title
        self.depth = depth
        self.parent = parent
        self.children = []        # Folder
        self.pages = []           # page indices
        self.slugs = set(RESERVED_IN_FOLDER)
        self.index_name = None    # "index.md" or "README.md"


class Nested:
    def __init__(self, module, seed, n_terms, n_pages, words, root_index=False):
        self.m = module
        self.gen = module.Gen(seed, n_terms, n_pages, words)  # the text stream: same as the flat corpus
        self.side = module.Gen(seed + 1000003, n_terms, 0, words)  # section pages' text
        self.r = random.Random("nested-structure-%d" % seed)  # folders, file names, links
        self.n_pages = n_pages
        self.words = words
        self.root_index = root_index

    # ---- tree ------------------------------------------------------------
    def folder_name(self, parent, depth):
        r = self.r
        for attempt in range(1000):
            if depth == 1:
                words = r.choice(TOP_NAMES).split()
            else:
                k = r.random()
                if k < 0.2:
                    words = [r.choice(QUALIFIERS)]
                elif k < 0.85:
                    words = [r.choice(QUALIFIERS), r.choice(NOUNS)]
                else:
                    words = [r.choice(QUALIFIERS), r.choice(QUALIFIERS), r.choice(NOUNS)]
                if r.random() < 0.05:
                    words.append(str(r.randint(2019, 2025)))
            name = styled(words, r.choice(FOLDER_STYLES))
            slug = slugify(name)
            if not slug or slug in parent.slugs or (depth == 1 and slug in RESERVED_TOP):
                continue
            parent.slugs.add(slug)
            title = " ".join(words).title() if depth == 1 else " ".join(words).capitalize()
            return name, title
        raise RuntimeError("no folder name left")

    def build_tree(self):
        r = self.r
        fan = fanouts_for(self.n_pages)
        self.fanouts = fan
        root = Folder("", "", "Home", 0, None)
        self.folders = [root]
        level = [root]
        for depth, count in enumerate(fan, start=1):
            nxt = []
            for parent in level:
                for _ in range(count):
                    name, title = self.folder_name(parent, depth)
                    child = Folder(posixpath.join(parent.path, name), name, title, depth, parent)
                    parent.children.append(child)
                    nxt.append(child)
            self.folders.extend(nxt)
            level = nxt
        self.leaves = level
        self.root = root
        # alternate index.md / README.md over folders in creation (breadth-first) order
        for i, f in enumerate(self.folders[1:]):
            f.index_name = "index.md" if i % 2 == 0 else "README.md"
        if self.root_index:
            root.index_name = "index.md"
        # pages: a few in intermediate folders (not content/ itself), the rest spread over the leaves
        inner = [f for f in self.folders[1:] if f.children]
        order = list(range(self.n_pages))
        r.shuffle(order)
        budget = self.n_pages // 10
        pos = 0
        for f in inner:
            k = min(r.randint(0, 2), budget, self.n_pages - pos)
            f.pages.extend(order[pos:pos + k])
            pos += k
            budget -= k
        rest = self.n_pages - pos
        weights = [r.uniform(0.7, 1.3) for _ in self.leaves]
        total = sum(weights)
        counts = [int(rest * w / total) for w in weights]
        for i in range(rest - sum(counts)):
            counts[i % len(counts)] += 1
        for leaf, c in zip(self.leaves, counts):
            leaf.pages.extend(order[pos:pos + c])
            pos += c
        assert pos == self.n_pages

    def file_name(self, folder, title):
        r = self.r
        words = re.findall(r"[A-Za-z0-9]+", title) or ["page"]
        if len(words) > 6:
            words = words[:6]
        style = r.choice(FILE_STYLES)
        base = styled(words, style)
        name, n = base, 1
        while slugify(name) in folder.slugs or not slugify(name):
            n += 1
            name = base + ("%d" % n if style == "CamelCase" else ("_%d" if "_" in style else "-%d") % n)
        folder.slugs.add(slugify(name))
        return name + ".md"

    # ---- links -----------------------------------------------------------
    @staticmethod
    def rel(from_folder, target, is_folder=False):
        p = posixpath.relpath(target or ".", from_folder.path or ".")
        if is_folder:
            p = p + "/"
            return p if p.startswith("../") else "./" + p
        return p if p.startswith("../") else "./" + p

    def page_link(self, src_folder, idx, fragment_chance=0.33):
        r = self.r
        target = self.page_path[idx]
        href = self.rel(src_folder, target)
        if r.random() < fragment_chance and self.page_ids[idx]:
            href += "#" + r.choice(self.page_ids[idx])
        return href

    def extra_link(self, folder, page_idx):
        """One link of a random kind from a page in `folder`; returns (text, href)."""
        r = self.r
        for _ in range(20):
            k = r.random()
            if k < 0.3:  # ./z.md
                others = [p for p in folder.pages if p != page_idx]
                if others:
                    t = r.choice(others)
                    return self.titles[t][0], self.page_link(folder, t)
            elif k < 0.6:  # ../x/y.md, or ../../a/y.md: a page in a sibling folder, or in a cousin folder
                parent = folder.parent
                if parent is None:
                    continue
                if parent.parent is not None and r.random() < 0.3:
                    cands = [c for s in parent.parent.children if s is not parent for c in s.children if c.pages]
                else:
                    cands = [c for c in parent.children if c is not folder and c.pages]
                if cands:
                    t = r.choice(r.choice(cands).pages)
                    return self.titles[t][0], self.page_link(folder, t)
            elif k < 0.8:  # ../other/ or ../../other/
                up = folder.parent
                skip = folder
                if up is not None and up.parent is not None and r.random() < 0.3:
                    skip, up = up, up.parent
                if up is None:
                    continue
                cands = [c for c in up.children if c is not skip]
                if cands:
                    f = r.choice(cands)
                    return f.title, self.rel(folder, f.path, is_folder=True)
            else:  # own or parent section page by file name
                f = folder if r.random() < 0.6 or folder.parent is None or folder.parent.index_name is None \
                    else folder.parent
                if f.index_name:
                    return f.title, self.rel(folder, posixpath.join(f.path, f.index_name))
        t = r.randrange(self.n_pages)
        return self.titles[t][0], self.page_link(folder, t)

    @staticmethod
    def heading_ids(text):
        """GitHub ids of the headings in `text` (outside code fences), with -1, -2 for repeats; the H1 counts
        for repeats but is not returned."""
        ids, seen, fenced = [], {}, False
        for line in text.split("\n"):
            if line.startswith("```"):
                fenced = not fenced
                continue
            m = None if fenced else re.match(r"(#{1,6}) (.*)$", line)
            if not m:
                continue
            base = github_id(m.group(2).strip())
            n = seen.get(base, 0)
            seen[base] = n + 1
            hid = base if n == 0 else "%s-%d" % (base, n)
            if len(m.group(1)) > 1:
                ids.append(hid)
        return ids

    # ---- files -----------------------------------------------------------
    def run(self, out):
        g, m = self.gen, self.m
        r = g.r
        g.terms = g.make_terms()
        g.slugs = []
        self.side.terms = g.terms
        self.side.slugs = []
        content = os.path.join(out, "content")
        tdir = os.path.join(content, "terms")
        os.makedirs(tdir, exist_ok=True)
        with open(os.path.join(content, "site.yml"), "w", encoding="utf-8") as f:
            f.write("title: Synthetic Handbook\ntagline: Generated for benchmarks\ndescription: A generated corpus.\n")
        # terms: exactly gen_corpus.Gen.run's loop
        for name, aliases in g.terms:
            fm = ["---", 'title: "%s"' % name]
            if aliases:
                fm.append("aliases:")
                fm.extend('  - "%s"' % a for a in aliases)
            else:
                fm.append("aliases: []")
            s, _ = g.sentence(20)
            fm.append('summary: "%s"' % s.replace('"', "'").replace("`", "").replace("\\", ""))
            fm.append("category: concept")
            fm.append("---")
            body = "%s is a term used in this knowledge base.\n\n" % name
            body += g.article_body(r.randint(80, 150))
            with open(os.path.join(tdir, m.slugify(name) + ".md"), "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(fm) + "\n\n" + body)
        # article titles, as the flat corpus draws them
        titles, seen = [], {}
        for i in range(self.n_pages):
            t = " ".join(g.plain(r.randint(2, 5))).capitalize()
            if r.random() < 0.3:
                t += " and " + g.mention()
            s = m.slugify(t) or "article"
            if s in seen:
                seen[s] += 1
                s = "%s-%d" % (s, seen[s])
            else:
                seen[s] = 1
            titles.append((t, s))
        self.titles = titles
        # placeholders instead of sibling slugs: the same draws, rewritten to relative paths below
        g.slugs = ["@@P%d@@" % i for i in range(self.n_pages)]
        bodies = []
        for _ in titles:
            r.sample(m.TAGS, r.randint(1, 4))  # the flat front matter's draws, discarded
            g.sentence(20)
            bodies.append(g.article_body(max(20, int(self.words * r.uniform(0.8, 1.2)))))
        # the tree, file names and heading ids
        self.build_tree()
        self.page_path = [None] * self.n_pages
        self.page_folder = [None] * self.n_pages
        for folder in self.folders:
            for idx in folder.pages:
                name = self.file_name(folder, titles[idx][0])
                self.page_path[idx] = posixpath.join(folder.path, name)
                self.page_folder[idx] = folder
        self.page_ids = [self.heading_ids("# %s\n\n%s" % (titles[i][0], bodies[i])) for i in range(self.n_pages)]
        # section pages' text (its own stream)
        index_text = {}
        for folder in self.folders:
            if folder.index_name:
                index_text[folder.path], _ = self.side.paragraph(self.side.r.randint(50, 110))
        placeholder = re.compile(r"\(@@P(\d+)@@\.md\)")
        stats = {"links": 0, "fragments": 0, "kinds": {}}

        def count(href):
            stats["links"] += 1
            stats["fragments"] += "#" in href
            kind = ("folder" if href.endswith("/") else
                    "section" if re.search(r"(^|/)(index|README)\.md(#|$)", href) else
                    "./page" if href.startswith("./") else
                    "../page" if href.startswith("../") and href.count("../") == 1 else "../../+page")
            stats["kinds"][kind] = stats["kinds"].get(kind, 0) + 1

        for idx in range(self.n_pages):
            folder = self.page_folder[idx]

            def repl(match):
                href = self.page_link(folder, int(match.group(1)))
                count(href)
                return "(" + href + ")"

            body, existing = placeholder.subn(repl, bodies[idx])
            blocks = body.rstrip("\n").split("\n\n")
            paras = [i for i, b in enumerate(blocks) if not b.startswith(("#", "```", "|", "- "))]
            for _ in range(max(1, 3 - existing)):
                text, href = self.extra_link(folder, idx)
                count(href)
                i = self.r.choice(paras)
                blocks[i] += " See [%s](%s) for more." % (text, href)
            path = os.path.join(content, *self.page_path[idx].split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write("# %s\n\n%s\n" % (titles[idx][0], "\n\n".join(blocks)))
        for folder in self.folders:
            if not folder.index_name:
                continue
            lines = ["# " + folder.title, "", index_text[folder.path], ""]
            for idx in folder.pages:
                lines.append("- [%s](./%s)" % (titles[idx][0], posixpath.basename(self.page_path[idx])))
            for child in folder.children:
                href = "./%s/" % child.name if self.r.random() < 0.5 else "./%s/%s" % (child.name, child.index_name)
                lines.append("- [%s](%s)" % (child.title, href))
            path = os.path.join(content, *(folder.path.split("/") if folder.path else []), folder.index_name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(lines) + "\n")
        stats.update(pages=self.n_pages, folders=len(self.folders) - 1, fanouts=self.fanouts,
                     section_pages=sum(1 for f in self.folders if f.index_name),
                     leaf_pages=[len(f.pages) for f in self.leaves])
        return stats


def generate(out, pages, terms, seed=42, words=800, corpus_module=None, root_index=False):
    """Writes the nested corpus under out/content; returns a summary (counts, fan-outs, link kinds)."""
    return Nested(load_corpus_module(corpus_module), seed, terms, pages, words, root_index).run(out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--terms", type=int, required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--words", type=int, default=800)
    ap.add_argument("--corpus-module", help="gen_corpus.py whose text generator to use (default: the one beside this)")
    ap.add_argument("--root-index", action="store_true", help="also write content/index.md")
    a = ap.parse_args(argv)
    s = generate(a.out, a.pages, a.terms, a.seed, a.words, a.corpus_module, a.root_index)
    leaf = s["leaf_pages"]
    print("%d pages, %d section pages, %d folders (fan-outs %s), leaf folders hold %d-%d pages; "
          "%d links (%.1f a page, %d with #fragment): %s" % (
              s["pages"], s["section_pages"], s["folders"], " x ".join(map(str, s["fanouts"])), min(leaf), max(leaf),
              s["links"], s["links"] / max(1, s["pages"]), s["fragments"],
              ", ".join("%s %d" % kv for kv in sorted(s["kinds"].items()))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
