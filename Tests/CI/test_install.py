"""`make install`: builds the release binary and installs it under PREFIX (and DESTDIR), seen in make's dry run."""
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def dry_run(*variables):
    if shutil.which("make") is None:
        pytest.skip("no make on this machine")
    # Run from `make test`, make's own variables would make this make print "Entering directory" lines: drop them.
    environment = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    result = subprocess.run(
        ["make", "--no-print-directory", "-n", "install", *variables], cwd=REPO, capture_output=True, text=True, timeout=60,
        env=environment,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_install_builds_release_then_installs_under_the_prefix():
    lines = dry_run("PREFIX=/tmp/x")
    assert lines[-2:] == [
        "swift build -c release --product handbook",
        "install -D -m 755 .build/release/handbook /tmp/x/bin/handbook",
    ]
    # `deps` first: libcmark-gfm is installed when missing.
    assert "libcmark-gfm-dev" in lines[0]


def test_the_prefix_defaults_to_usr_local_and_destdir_stages_it():
    assert dry_run()[-1] == "install -D -m 755 .build/release/handbook /usr/local/bin/handbook"
    assert dry_run("PREFIX=/usr", "DESTDIR=/tmp/stage")[-1] == "install -D -m 755 .build/release/handbook /tmp/stage/usr/bin/handbook"
