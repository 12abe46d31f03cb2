#!/usr/bin/env python3
"""`make bench`: handbook against Hugo and the cmark-gfm floor on the reference corpus, timed in one run.

For each size (articles; 2,000 terms each), the corpus comes from ../shared/bench/gen_corpus.py (seed 42),
Hugo's site from make_sites.py. Each round times handbook (a full build: --no-cache), Debian's hugo and the
floor (`cat articles/*.md | cmark-gfm`, one process) one after the other, so drift on a shared machine hits
all three alike; the medians and their ratios are reported with peak memory (GNU time), handbook's stages,
and what the reader has to load (largest page, search entry script).

With --nested, each round also has handbook build the nested variant of the same corpus (Benchmarks/gen_nested.py:
the same pages and text as plain Markdown in folders five deep, with relative links; the same terms), right after
the flat build, so that the two builds the ratio compares run in the same conditions (after Hugo's and the floor's
runs, the nested build measured 1.25x the flat one in a run of 5 December, while in the same rounds the baseline
binary's, right after its flat build, measured 1.08x); it gets its own row in the table with its time over the
flat build's. Hugo and the floor build the flat corpus only.

With --git, handbook also builds each corpus from a Git repository holding it with 10,000 commits of history
(Benchmarks/gen_history.py; the work tree is the same bytes) twice: "git" with no history kept from an earlier
build (a clean clone's first build: one `git log` over all 10,000 commits), and "git, kept" with the history a
previous build kept beside the output (`.public.history`, as the next local build or the action's next run has it).

usage: Benchmarks/bench.py [--sizes 1000 10000] [--rounds 3] [--terms 2000] [--nested] [--git]
"""
import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
BENCHMARKS = ROOT / "Benchmarks"
WORK = ROOT / ".build" / "bench"
HANDBOOK = ROOT / ".build" / "release" / "handbook"


def timed(command, shell=False):
    """Runs `command` under GNU time; returns (seconds, peak MiB, stderr, user CPU seconds, system CPU seconds).
    The disk is flushed first (sync, not timed), so that no run shares the disk with the writeback of the run before
    it (Hugo's output, or the other corpus's): in a run of 5 December without it, the nested build's pages stage,
    right after Hugo's and the floor's runs, kept 1.1 cores busy against 1.9 on tmpfs. It also writes the deletions
    of an earlier benchmark back, which shortens the time ext4 without a journal steps over their freed inodes.
    """
    os.sync()
    wrapped = ["/usr/bin/time", "-f", "TIME %e %M %U %S"] + (["sh", "-c", command] if shell else command)
    result = subprocess.run(wrapped, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(map(str, command)) if not shell else command}\n{result.stderr[-2000:]}")
    match = re.search(r"TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)", result.stderr)
    return float(match.group(1)), int(match.group(2)) / 1024, result.stderr, float(match.group(3)), float(match.group(4))


def corpus(articles, terms):
    folder = WORK / f"corpus-{articles}-{terms}"
    if not (folder / "content" / "site.yml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(SHARED / "gen_corpus.py"), str(folder), "--articles", str(articles),
                        "--terms", str(terms), "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, str(SHARED / "make_sites.py"), str(folder), str(folder / "sites")],
                       check=True, stdout=subprocess.DEVNULL)
    return folder


def nested_corpus(articles, terms):
    """The nested variant (gen_nested.py, with the shared generator's text); `generated` marks it complete."""
    folder = WORK / f"nested-{articles}-{terms}"
    if not (folder / "generated").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(BENCHMARKS / "gen_nested.py"), str(folder), "--pages", str(articles),
                        "--terms", str(terms), "--seed", "42", "--corpus-module", str(SHARED / "gen_corpus.py")],
                       check=True, stdout=subprocess.DEVNULL)
        (folder / "generated").write_text("")
    return folder


def history(source, name):
    """A repository whose work tree `content/` is `source`'s bytes, with 10,000 commits (gen_history.py)."""
    folder = WORK / name
    if not (folder / "generated").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(BENCHMARKS / "gen_history.py"), str(source), str(folder), "--commits", "10000",
                        "--seed", "42"], check=True, stdout=subprocess.DEVNULL)
        (folder / ".git" / "info" / "exclude").write_text("/generated\n")
        (folder / "generated").write_text("")
    return folder / "content"


def stages(stderr):
    """handbook --verbose lines: stage, wall seconds, CPU seconds."""
    return [(m.group(1), float(m.group(2)), float(m.group(3)))
            for m in re.finditer(r"^  (\S.*?)\s+([\d.]+) s\s+([\d.]+) s cpu", stderr, re.M)]


def measure(articles, terms, rounds, outputs, nested=False, git=False, baseline=None):
    """Times every tool `rounds` times, alternating. Each run writes a folder of its own and none is deleted until
    the whole benchmark has run (`outputs` collects them): on this machine's ext4 (no journal), creating files
    within a minute of deleting many makes the kernel step over each freed inode, which multiplied every tool's
    system time (2 s -> 10 s for either tool at 10,000 articles) in a way a single build, or CI's fresh clone,
    never sees. With `nested`, handbook builds the nested corpus last in each round ("handbook-nested")."""
    folder = corpus(articles, terms)
    content = folder / "content"
    out = WORK / f"out-{articles}"
    outputs.append(out)

    def handbook(target, content=content, kept_history=None, binary=HANDBOOK):
        if kept_history is None:
            return timed([str(binary), "build", "--content", str(content), "--templates", "templates",
                          "--output", str(target), "--verbose", "--no-cache"])
        # A new output folder has no build cache, so this is a full build too; only the history is kept.
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept_history, target.parent / f".{target.name}.history")
        return timed([str(HANDBOOK), "build", "--content", str(content), "--templates", "templates",
                      "--output", str(target), "--verbose"])

    def kept(content, name):
        """The history one build of `content` keeps beside its output, for the "kept" runs."""
        target = out / f"prime-{name}"
        timed([str(HANDBOOK), "build", "--content", str(content), "--templates", "templates", "--output", str(target)])
        return out / f".prime-{name}.history"

    tools = {
        "handbook": handbook,
        "hugo": lambda target: timed(["hugo", "--quiet", "-s", str(folder / "sites" / "hugo"), "-d", str(target)]),
        "floor": lambda target: timed(
            f"cat {content}/articles/*.md | cmark-gfm -e table -e strikethrough -e autolink > /dev/null", shell=True),
    }
    if git:
        git_content = history(content, f"git-{articles}-{terms}")
        tools["handbook-git"] = lambda target: handbook(target, git_content)
        git_kept = kept(git_content, "git")
        tools["handbook-git-kept"] = lambda target: handbook(target, git_content, git_kept)
    if nested:
        nested_content = nested_corpus(articles, terms) / "content"
        # Right after the flat build (see the module's notes).
        first = list(tools.items())
        tools = dict(first[:1] + [("handbook-nested", lambda target: handbook(target, nested_content))] + first[1:])
        if git:
            nested_git = history(nested_content, f"git-nested-{articles}-{terms}")
            tools["handbook-nested-git"] = lambda target: handbook(target, nested_git)
            nested_kept = kept(nested_git, "nested-git")
            tools["handbook-nested-git-kept"] = lambda target: handbook(target, nested_git, nested_kept)
    if baseline:
        # Another handbook binary (e.g. main before a change) in the same rounds: before/after on the same machine.
        tools["baseline"] = lambda target: handbook(target, binary=baseline)
        if nested:
            tools["baseline-nested"] = lambda target: handbook(target, nested_content, binary=baseline)
    results = {name: [] for name in tools}
    for round_index in range(rounds):
        for name, run in tools.items():
            results[name].append(run(out / f"{name}-{round_index}"))
    return folder, out / f"handbook-{rounds - 1}", results


def sizes(public):
    pages = list(public.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    total = sum(p.stat().st_size for p in public.rglob("*") if p.is_file())
    return {
        "output": total, "pages": len(pages), "largest page": (largest.relative_to(public), largest.stat().st_size),
        "pages over 1 MB": sum(1 for p in pages if p.stat().st_size > 1_000_000),
        "search-index.js": (public / "search-index.js").stat().st_size,
        "search-index.json": (public / "search-index.json").stat().st_size,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--nested", action="store_true",
                        help="also time handbook on the nested corpus (gen_nested.py) in the same rounds")
    parser.add_argument("--baseline", type=pathlib.Path,
                        help="another handbook binary timed in the same rounds (flat, and nested with --nested)")
    parser.add_argument("--git", action="store_true",
                        help="also time handbook on each corpus in a Git repository with 10,000 commits (gen_history.py)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; {args.rounds} rounds, alternating handbook"
          + (", handbook on the nested corpus" if args.nested else "") + ", hugo, floor", flush=True)
    rows = []
    medians = {}
    outputs = []
    for articles in args.sizes:
        shutil.rmtree(WORK / f"out-{articles}", ignore_errors=True)  # a run that was interrupted
    try:
        for articles in args.sizes:
            report(articles, args, rows, medians, outputs)
    finally:
        for folder in outputs:
            shutil.rmtree(folder, ignore_errors=True)
    print_table(args, rows, medians)


def report(articles, args, rows, medians, outputs):
    """Measures one size and prints its figures."""
    print(f"\n== {articles} articles + {args.terms} terms", flush=True)
    folder, public, results = measure(articles, args.terms, args.rounds, outputs, args.nested, args.git, args.baseline)
    median = {name: statistics.median(r[0] for r in runs) for name, runs in results.items()}
    peak = {name: max(r[1] for r in runs) for name, runs in results.items()}
    medians[articles] = median["handbook"]
    for name in results:
        times = ", ".join(f"{r[0]:.2f}" for r in results[name])
        user = statistics.median(r[3] for r in results[name])
        system = statistics.median(r[4] for r in results[name])
        # CPU time moves less than wall time on a shared machine; system time is mostly file creation.
        width = 24 if args.nested or args.git or args.baseline else 9
        print(f"  {name:{width}} median {median[name]:6.2f} s  (runs {times})  peak {peak[name]:6.0f} MiB  "
              f"cpu user {user:.2f} s, system {system:.2f} s")
    print(f"  handbook/hugo {median['handbook'] / median['hugo']:.2f}x   handbook/floor "
          f"{median['handbook'] / median['floor']:.2f}x"
          + (f"   nested/flat {median['handbook-nested'] / median['handbook']:.2f}x" if args.nested else "")
          + (f"   git/flat {median['handbook-git'] / median['handbook']:.2f}x"
             f"   git kept/flat {median['handbook-git-kept'] / median['handbook']:.2f}x" if args.git else "")
          + (f"   nested git/nested {median['handbook-nested-git'] / median['handbook-nested']:.2f}x"
             f"   nested git kept/nested {median['handbook-nested-git-kept'] / median['handbook-nested']:.2f}x"
             if args.git and args.nested else "")
          + (f"   handbook/baseline {median['handbook'] / median['baseline']:.2f}x" if args.baseline else "")
          + (f"   nested/baseline nested {median['handbook-nested'] / median['baseline-nested']:.2f}x"
             if args.baseline and args.nested else ""))
    for name in ["handbook-git", "handbook-nested-git"]:
        if name in results:
            middle = sorted(results[name], key=lambda r: r[0])[len(results[name]) // 2]
            print(f"  {name} stages (median run): wall, cpu, cores busy")
            for stage, wall, cpu in stages(middle[2]):
                print(f"    {stage:20} {wall:7.3f} s {cpu:7.3f} s  {cpu / wall if wall else 0:4.1f}")
    middle = sorted(results["handbook"], key=lambda r: r[0])[len(results["handbook"]) // 2]
    print("  handbook stages (median run): wall, cpu, cores busy")
    for stage, wall, cpu in stages(middle[2]):
        print(f"    {stage:20} {wall:7.3f} s {cpu:7.3f} s  {cpu / wall if wall else 0:4.1f}")
    facts = sizes(public)
    print(f"  output {facts['output'] / 1e6:.0f} MB in {facts['pages']} pages; largest page "
          f"{facts['largest page'][0]} {facts['largest page'][1] / 1e6:.2f} MB; pages over 1 MB: "
          f"{facts['pages over 1 MB']}; search-index.js {facts['search-index.js'] / 1e3:.1f} KB, "
          f"search-index.json {facts['search-index.json'] / 1e6:.1f} MB")
    nested_facts = None
    if args.nested:
        middle = sorted(results["handbook-nested"], key=lambda r: r[0])[len(results["handbook-nested"]) // 2]
        print("  handbook-nested stages (median run): wall, cpu, cores busy")
        for stage, wall, cpu in stages(middle[2]):
            print(f"    {stage:20} {wall:7.3f} s {cpu:7.3f} s  {cpu / wall if wall else 0:4.1f}")
        nested_facts = sizes(public.parent / f"handbook-nested-{args.rounds - 1}")
        print(f"  nested: output {nested_facts['output'] / 1e6:.0f} MB in {nested_facts['pages']} pages; largest page "
              f"{nested_facts['largest page'][0]} {nested_facts['largest page'][1] / 1e6:.2f} MB; "
              f"search-index.json {nested_facts['search-index.json'] / 1e6:.1f} MB")
    rows.append((articles, median, peak, facts, nested_facts))


def print_table(args, rows, medians):
    """The scaling line and the README's table."""
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        print(f"\nscaling: {large} articles take {medians[large] / medians[small]:.1f}x the time of {small} "
              f"({large / small:.0f}x the content)")
    extra = " over flat |" if args.nested or args.git else ""
    print("\n| articles | handbook | Hugo | floor | handbook/Hugo | handbook/floor | handbook peak | Hugo peak | largest page |"
          + extra)
    print("|---|---|---|---|---|---|---|---|---|" + ("---|" if extra else ""))
    for articles, median, peak, facts, nested_facts in rows:
        print(f"| {articles:,} + {args.terms:,} terms | {median['handbook']:.2f} s | {median['hugo']:.2f} s | "
              f"{median['floor']:.2f} s | {median['handbook'] / median['hugo']:.2f}× | "
              f"{median['handbook'] / median['floor']:.2f}× | {peak['handbook']:.0f} MiB | {peak['hugo']:.0f} MiB | "
              f"{facts['largest page'][1] / 1e6:.2f} MB |" + (" 1.00× |" if extra else ""))
        # The variants, each against the build it varies: flat with Git against flat, nested with Git against nested.
        variants = [
            ("handbook-git", "+ git (10,000 commits)", "handbook", None),
            ("handbook-git-kept", "+ git, history kept", "handbook", None),
            ("handbook-nested", "nested", "handbook", nested_facts),
            ("handbook-nested-git", "nested + git (10,000 commits)", "handbook-nested", None),
            ("handbook-nested-git-kept", "nested + git, history kept", "handbook-nested", None),
            ("baseline", "baseline binary", "handbook", None),
            ("baseline-nested", "nested, baseline binary", "handbook", None),
        ]
        for name, label, base, variant_facts in variants:
            if name not in median:
                continue
            largest = f"{variant_facts['largest page'][1] / 1e6:.2f} MB" if variant_facts else "—"
            over = f"{median[name] / median[base]:.2f}×" + ("" if base == "handbook" else " of nested")
            print(f"| {articles:,} {label} + {args.terms:,} terms | {median[name]:.2f} s | — | — | "
                  f"{median[name] / median['hugo']:.2f}× | — | {peak[name]:.0f} MiB | — | {largest} | {over} |")

if __name__ == "__main__":
    main()
