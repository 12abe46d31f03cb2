"""Every relative link of a built site resolves (files and #fragments), and every page is reachable from the home
page by links: the handbook, and the fixture wiki both in a Git repository of its own (with Git dates, so the home page
lists recent changes) and with none (a wiki dropped into a new site).

No browser: scripts/check_links.py reads the HTML as a browser would resolve its links.
"""

import shutil
import subprocess
import sys

from conftest import REPO, build_site

WIKI = REPO / "Tests/HandbookKitTests/Fixtures/wiki/content"


def check_links(site):
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts/check_links.py"), "--reachable", str(site)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout
    assert " 0 unreachable" in result.stdout


def test_the_handbook_links_resolve_and_every_page_is_reachable(site_dir):
    check_links(site_dir)


def test_the_wiki_with_its_history_links_resolve_and_every_page_is_reachable(tmp_path):
    # The wiki in a repository of its own, one commit: the home page lists recent changes and links changes.html.
    content = shutil.copytree(WIKI, tmp_path / "wiki" / "content")
    git = ["git", "-C", str(tmp_path / "wiki"), "-c", "user.name=Test", "-c", "user.email=test@example.com"]
    subprocess.run(["git", "init", "-q", str(tmp_path / "wiki")], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "The wiki"], check=True)
    site = build_site(content, tmp_path / "site")
    assert (site / "changes.html").is_file()
    check_links(site)


def test_the_wiki_without_history_links_resolve_and_every_page_is_reachable(tmp_path):
    # Owners and freshness pages exist without Git history too; the home page must still lead to them.
    content = shutil.copytree(WIKI, tmp_path / "content")
    site = build_site(content, tmp_path / "site")
    assert (site / "owners.html").is_file()
    check_links(site)
