#!/usr/bin/env python3
"""Benchmarks for the notes: glossary matcher throughput, and a full build of a 10,000-article site."""
import pathlib, resource, subprocess, sys, time

root = pathlib.Path(__file__).resolve().parent.parent
site = root / ".build" / "bench-site"
subprocess.run([str(root / ".build/release/handbook-bench")], check=True)
subprocess.run([sys.executable, str(root / "Benchmarks/generate_site.py"), str(site / "content")], check=True)
for run in range(2):
    start = time.time()
    subprocess.run([str(root / ".build/release/handbook"), "build", "--content", str(site / "content"),
                    "--templates", str(root / "templates"), "--output", str(site / "public"), "--verbose"], check=True)
    print(f"run {run + 1}: {time.time() - start:.2f} s wall")
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"peak memory of a build: {peak:.0f} MB")
index = site / "public" / "search-index.json"
print(f"search-index.json: {index.stat().st_size / 1e6:.1f} MB")
