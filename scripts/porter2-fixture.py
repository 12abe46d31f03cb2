#!/usr/bin/env python3
"""Writes Tests/SearchJS/fixtures/porter2.tsv: every letter-only word of the given folders, and its
English stem by PyPI's snowballstemmer (the reference both search-words.js and PorterStemmer.swift
must agree with).

usage: porter2-fixture.py OUT.tsv DIR...   (the handbook's content/ and a benchmark corpus)
"""
import pathlib
import re
import sys
import unicodedata

import snowballstemmer


def words(folders):
    found = set()
    for folder in folders:
        for path in pathlib.Path(folder).rglob("*.md"):
            text = unicodedata.normalize("NFKD", path.read_text(encoding="utf-8").lower())
            text = "".join(c for c in text if not 0x300 <= ord(c) <= 0x36F)
            found.update(re.findall(r"[a-z]+", text))
    return sorted(found)


def main():
    out, folders = sys.argv[1], sys.argv[2:]
    vocabulary = words(folders)
    stems = snowballstemmer.stemmer("english").stemWords(vocabulary)
    pathlib.Path(out).write_text("".join(f"{w}\t{s}\n" for w, s in zip(vocabulary, stems)), encoding="utf-8")
    print(f"{out}: {len(vocabulary)} words")


if __name__ == "__main__":
    main()
