#!/usr/bin/env python3
"""Check the relative links of a built static site.

usage: check_links.py PUBLIC_DIR [--ignore-prefix assets/] [--reachable] [--exact] [--jobs N]

Walks every .html file under PUBLIC_DIR, collects the href/src (and srcset) of every
<a>, <link>, <img>, <script> and <source> element, plus the URL of a
<meta http-equiv="refresh">, and checks every relative URL (no scheme such as http:,
mailto: or javascript:, not protocol-relative "//host"):

  * the target file exists (percent-decoded, query dropped; "dir/" or a folder means
    dir/index.html; "/x" is resolved against PUBLIC_DIR; a path climbing out of
    PUBLIC_DIR is a missing file);
  * a "#fragment" (percent-decoded) names an id (or <a name>) in the target HTML file;
    a bare "#x" refers to the same file; "#" and "#top" are always fine.

Prints `file: url (missing file|missing fragment)` for each broken link (at most 50,
then a count), then `N links checked, M broken`. Exit status: 0 clean, 1 broken links
(or unreachable pages with --reachable), 2 usage error.

--ignore-prefix P (repeatable): targets whose site path starts with P are not checked,
    and HTML files under P are not scanned.
--reachable: also walks from index.html over relative <a href> links (and meta-refresh
    redirects) and lists the HTML pages nothing reaches; 404.html, search-index*,
    assets/, print/, ignored prefixes and meta-refresh redirect pages are exempt.
--exact: tokenise every page with the full html.parser.HTMLParser. The default scanner
    follows the same rules (comments, <!...>, <?...?> and the raw text of <script> and
    <style> skipped; attribute names lowercased, values unquoted and unescaped) at about
    four times the speed; the two differ only on malformed markup (e.g. an unquoted
    attribute value containing a quote, or "<a ...>" inside a quoted attribute value).

Every file is read and parsed once (links and ids together), on all CPUs for big sites.
Standard library only.
"""
import argparse
import os
import re
import sys
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote

LINK_TAGS = {"a": ("href",), "link": ("href",), "img": ("src", "srcset"),
             "script": ("src",), "source": ("src", "srcset"), "meta": ()}
MAX_LINES = int(os.environ.get("CHECK_LINKS_MAX", "50"))
SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
REFRESH_URL = re.compile(r"""^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]*)""", re.I)
HTML_EXT = (".html", ".htm")


# ---------------------------------------------------------------- parsing

class Page:
    """What one HTML file holds for the checker: (tag, url) links, ids, redirect flag."""

    __slots__ = ("links", "ids", "redirect")

    def __init__(self):
        self.links = []
        self.ids = set()
        self.redirect = False

    def starttag(self, tag, attrs):
        wanted = LINK_TAGS.get(tag, ())
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in wanted:
                if name == "srcset":
                    for candidate in value.split(","):
                        part = candidate.split()
                        if part:
                            self.links.append((tag, part[0]))
                else:
                    self.links.append((tag, value))
        if tag == "meta":
            d = {k: v for k, v in attrs if v is not None}
            if d.get("http-equiv", "").lower() == "refresh" and "content" in d:
                m = REFRESH_URL.match(d["content"])
                if m and m.group(1).strip():
                    self.redirect = True
                    self.links.append(("meta", m.group(1).strip()))


class ExactParser(HTMLParser):
    """Full html.parser tokenisation (--exact)."""

    def __init__(self, page):
        super().__init__(convert_charrefs=False)
        self.page = page

    def updatepos(self, i, j):  # line/column tracking is never used here; skipping it is faster
        return j

    def handle_starttag(self, tag, attrs):
        self.page.starttag(tag, attrs)

    handle_startendtag = handle_starttag


# Default scanner: drop comments, <!...>, <?...> and the raw text of <script>/<style> with
# str.find, then one C-level regex pass over the start tags; only tags that can matter (link
# tags, or an "id" somewhere in the attributes) get their attributes split, the way
# html.parser splits them (names lowercased, quotes stripped, character references resolved).
SIMPLE_TAG = re.compile(r"<([a-zA-Z][^\s/>]*)[\s/]([^>]*)>")  # start tags with attributes
# Used instead when a quoted attribute value may hold a ">".
QUOTED_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""")
QUOTED_GT = re.compile(r"""=\s*(?:"[^"]*>|'[^']*>)""")
ATTR = re.compile(r"""([^\s/>=][^\s/=>]*)(\s*=+\s*("[^"]*"|'[^']*'|(?!['"])[^>\s]*))?""")
SKIP_MARK = re.compile(r"<(?:!|\?|([sS][cC][rR][iI][pP][tT]|[sS][tT][yY][lL][eE])(?=[\s/>]))")
RAW_END = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I)}


def strip_raw(text):
    """Remove <!-- comments -->, <!...>, <?...> and <script>/<style> contents (keeping their start tags)."""
    out, i, n = [], 0, len(text)
    while True:
        m = SKIP_MARK.search(text, i)
        if not m:
            if i == 0:
                return text
            out.append(text[i:])
            return "".join(out)
        p = m.start()
        out.append(text[i:p])
        if m.group(1):  # <script ...> / <style ...>: keep the start tag, drop the body
            t = QUOTED_TAG.match(text, p)
            end = text.find(">", p) + 1 if t is None else t.end()
            if end <= 0:
                return "".join(out)
            out.append(text[p:end])
            close = RAW_END[m.group(1).lower()].search(text, end)
            i = n if close is None else close.start()
        elif text.startswith("<!--", p):
            close = text.find("-->", p + 4)
            i = n if close < 0 else close + 3
        else:  # <!DOCTYPE ...>, <![CDATA[...]]>, <?...>
            close = text.find(">", p + 2)
            i = n if close < 0 else close + 1


def fast_scan(text, page):
    """Page.starttag's work, inlined for the common tags (about 3x faster than html.parser)."""
    text = strip_raw(text)
    tag_re = QUOTED_TAG if QUOTED_GT.search(text) else SIMPLE_TAG
    links, ids = page.links, page.ids
    for tag, attrs in tag_re.findall(text):
        if not attrs:
            continue
        tag = tag.lower()
        wanted = LINK_TAGS.get(tag)
        if wanted is None:
            if "id" not in attrs and "ID" not in attrs and "Id" not in attrs and "iD" not in attrs:
                continue
            wanted = ()
        elif tag == "meta":
            page.starttag(tag, [(n.lower(), unquote_attr(v) if e else None) for n, e, v in ATTR.findall(attrs)])
            continue
        for name, eq, value in ATTR.findall(attrs):
            if not eq:
                continue
            name = name.lower()
            if name == "id" or (name == "name" and tag == "a"):
                ids.add(unquote_attr(value))
            elif name in wanted:
                value = unquote_attr(value)
                if name == "srcset":
                    for candidate in value.split(","):
                        part = candidate.split()
                        if part:
                            links.append((tag, part[0]))
                else:
                    links.append((tag, value))


def unquote_attr(value):
    if value[:1] in ("'", '"') and value[:1] == value[-1:] and len(value) > 1:
        value = value[1:-1]
    return unescape(value) if "&" in value else value


# ---------------------------------------------------------------- checking one page (in a worker)

S = {}  # per-process state, set by init()


def init(root, files, dirs, ignore, exact):
    S.update(root=root, files=files, dirs=dirs, ignore=ignore, exact=exact, cache={})


def norm(path):
    """Normalise a site path ('a/./b/../c'); None if it climbs out of the site."""
    parts = []
    for seg in path.split("/"):
        if seg == "..":
            if not parts:
                return None
            parts.pop()
        elif seg and seg != ".":
            parts.append(seg)
    return "/".join(parts)


def resolve(folder, url):
    """-> None (not checked: external or ignored) or (target or None if outside, fragment or None)."""
    if url.startswith("//") or SCHEME.match(url):
        return None
    frag = None
    h = url.find("#")
    if h >= 0:
        frag = url[h + 1:]
        frag = unquote(frag) if "%" in frag else frag
        url = url[:h]
    q = url.find("?")
    if q >= 0:
        url = url[:q]
    if url == "":
        return ("", frag)  # same file
    path = unquote(url) if "%" in url else url
    if path.startswith("/"):
        target = norm(path)
    elif "." in path or "//" in path:
        target = norm(folder + path)
    else:
        target = (folder + path).rstrip("/")
    if target is None:
        return (None, frag)
    ignore = S["ignore"]
    if ignore and (target.startswith(ignore) or (target + "/").startswith(ignore)):
        return None
    if target == "" or path.endswith("/") or target + "/" in S["dirs"]:
        target = (target + "/" if target else "") + "index.html"
    return (target, frag)


def check_page(rel):
    """Parse one page and check what can be checked without other pages' ids.

    Returns (rel, ids, redirect, checked, issues, edges): issues are, in page order,
    (url, "missing file"), (url, "missing fragment") or (url, target, fragment) for the
    fragment checks against another page; edges are the HTML pages its <a>/meta links reach."""
    with open(os.path.join(S["root"], rel), "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    page = Page()
    try:
        if S["exact"]:
            p = ExactParser(page)
            p.feed(text)
            p.close()
        else:
            fast_scan(text, page)
    except Exception as e:  # html.parser is lenient; be safe anyway
        print(f"{rel}: warning: could not parse ({e})", file=sys.stderr)
    folder = rel[:rel.rfind("/") + 1]
    files, cache = S["files"], S["cache"]
    if len(cache) > 20_000:
        cache.clear()
    fcache = cache.get(folder)
    if fcache is None:
        fcache = cache[folder] = {}
    ids = page.ids
    checked, issues, edges = 0, [], set()
    for tag, raw in page.links:
        r = fcache.get(raw, 0)
        if r == 0:
            url = raw.strip()
            r = fcache[raw] = resolve(folder, url) if url else None
        if r is None:
            continue
        checked += 1
        target, frag = r
        if not target:
            if target is None:
                issues.append((raw, "missing file"))
                continue
            target = rel
        elif target not in files:
            issues.append((raw, "missing file"))
            continue
        if target[-5:] == ".html" or target[-4:] == ".htm":
            if target != rel:
                if tag == "a" or tag == "meta":
                    edges.add(target)
                if frag and frag.lower() != "top":
                    issues.append((raw, target, frag))
            elif frag and frag not in ids and frag.lower() != "top":
                issues.append((raw, "missing fragment"))
    return rel, frozenset(page.ids), page.redirect, checked, issues, edges


def check_all(pages, jobs, state):
    init(*state)
    if jobs <= 1 or len(pages) < 300:
        return [check_page(rel) for rel in pages]
    import multiprocessing
    with multiprocessing.Pool(jobs, initializer=init, initargs=state) as pool:
        return list(pool.imap(check_page, pages, chunksize=64))


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description="Check the relative links of a built static site.")
    ap.add_argument("public_dir")
    ap.add_argument("--ignore-prefix", action="append", default=[], metavar="PREFIX",
                    help="do not check targets (nor scan pages) under this site path; repeatable")
    ap.add_argument("--reachable", action="store_true",
                    help="also report HTML pages not reachable from index.html")
    ap.add_argument("--exact", action="store_true",
                    help="tokenise pages with the full html.parser (slower; same results on sane markup)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel processes (default: CPU count)")
    a = ap.parse_args(argv)
    root = os.path.abspath(a.public_dir)
    if not os.path.isdir(root):
        print(f"check_links.py: not a folder: {a.public_dir}", file=sys.stderr)
        return 2
    ignore = tuple(p.lstrip("/") for p in a.ignore_prefix if p.strip("/"))

    files, dirs, pages = set(), set(), []
    for d, subdirs, names in os.walk(root):
        rd = os.path.relpath(d, root).replace(os.sep, "/")
        rd = "" if rd == "." else rd + "/"
        dirs.add(rd)
        for n in names:
            rel = rd + n
            files.add(rel)
            if n.endswith(HTML_EXT) and not (ignore and rel.startswith(ignore)):
                pages.append(rel)
    pages.sort()

    results = check_all(pages, a.jobs, (root, files, dirs, ignore, a.exact))
    ids_of = {r[0]: r[1] for r in results}

    def ids_for(target):  # an existing HTML file that was not scanned (under an ignored prefix)
        if target not in ids_of:
            ids_of[target] = check_page(target)[1]
        return ids_of[target]

    checked, broken = 0, []
    for rel, _, _, n, issues, _ in results:
        checked += n
        for issue in issues:
            if len(issue) == 2:
                broken.append((rel, issue[0], issue[1]))
            elif issue[2] not in ids_for(issue[1]):
                broken.append((rel, issue[0], "missing fragment"))

    for rel, url, why in broken[:MAX_LINES]:
        print(f"{rel}: {url} ({why})")
    if len(broken) > MAX_LINES:
        print(f"... and {len(broken) - MAX_LINES} more broken links")
    print(f"{checked} links checked, {len(broken)} broken")

    orphans = []
    if a.reachable:
        edges = {r[0]: r[5] for r in results}
        seen = set()
        if "index.html" in edges:
            seen.add("index.html")
            queue = ["index.html"]
            while queue:
                for t in edges.get(queue.pop(), ()):
                    if t not in seen:
                        seen.add(t)
                        queue.append(t)
        else:
            print("index.html: missing (nothing is reachable)")
        for rel, _, redirect, _, _, _ in results:
            base = rel[rel.rfind("/") + 1:]
            if rel in seen or redirect or base == "404.html" or base.startswith("search-index") \
                    or rel.startswith(("assets/", "print/")):
                continue
            orphans.append(rel)
        for rel in orphans[:MAX_LINES]:
            print(f"{rel}: not reachable from index.html")
        if len(orphans) > MAX_LINES:
            print(f"... and {len(orphans) - MAX_LINES} more unreachable pages")
        print(f"{len(pages)} pages, {len(seen)} reachable from index.html, {len(orphans)} unreachable")

    return 1 if broken or orphans else 0


if __name__ == "__main__":
    sys.exit(main())
