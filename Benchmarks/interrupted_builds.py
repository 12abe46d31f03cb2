#!/usr/bin/env python3
"""Builds killed with SIGKILL and builds started together, on the 10,000-article benchmark site.

Usage: python3 Benchmarks/interrupted_builds.py   (after `make bench`, which makes the release binary)
For each delay, a build is started and killed; what it left beside the output is listed, then the next build
must leave nothing but the output, its lock and its cache. Then six builds start at once on one output: one
must build, five must exit 2 at once.
"""
import pathlib, subprocess, sys, time

root = pathlib.Path(__file__).resolve().parent.parent
handbook = root / ".build/release/handbook"
site = root / ".build" / "bench-site"
output = site / "public"
command = [str(handbook), "build", "--quiet", "--no-cache", "--content", str(site / "content"),
           "--templates", str(root / "templates"), "--output", str(output)]


def beside():
    return sorted(p.name for p in site.iterdir() if p.name.startswith(".public"))


def size(path):
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main():
    if not (site / "content").exists():
        subprocess.run([sys.executable, str(root / "Benchmarks/generate_site.py"), str(site / "content")], check=True)
    subprocess.run(command, check=True)
    start = time.time()
    subprocess.run(command, check=True)
    full = time.time() - start
    print(f"a full build takes {full:.2f} s; killing builds at fractions of it")
    for fraction in (0.2, 0.5, 0.8, 0.95, 1.0):
        process = subprocess.Popen(command)
        time.sleep(full * fraction)
        process.kill()
        process.wait()
        left = [name for name in beside() if ".staging-" in name or ".old-" in name]
        megabytes = sum(size(site / name) for name in left)
        start = time.time()
        subprocess.run(command, check=True)
        after = [name for name in beside() if ".staging-" in name or ".old-" in name]
        print(f"killed at {fraction:4.0%}: left {left or 'nothing'} ({megabytes:.0f} MB); "
              f"next build {time.time() - start:.2f} s, leaves {after or 'nothing'}")
    processes = [subprocess.Popen(command, stderr=subprocess.PIPE) for _ in range(6)]
    results = [(p.wait(), p.stderr.read().decode().strip()) for p in processes]
    codes = sorted(code for code, _ in results)
    print(f"six builds at once: exit codes {codes}")
    for code, message in results:
        if code:
            print(f"  {message}")
            break


if __name__ == "__main__":
    main()
