"""A wiki kept in Git, read from file://: the home page's recent changes lead to changes.html, newest first, and to a
page that says when it changed and by whom and links to where it is edited; the feed is announced; the changes
and owners pages read on a phone and pass axe-core 4."""

import importlib.util
import os
import pathlib
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, Browser, build_site

EDIT = "https://git.example.com/org/wiki/edit/main/content/{path}"


def git(folder, *arguments, author="Ana Alves", date=None):
    environment = {
        **os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "a@example.com",
        "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "a@example.com",
    }
    if date:
        environment["GIT_AUTHOR_DATE"] = environment["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *arguments], cwd=folder, env=environment, check=True, capture_output=True)


@pytest.fixture(scope="module")
def wiki_dir(tmp_path_factory):
    """The fixture wiki in a repository: Ana imports it, Ben later edits the intro call page."""
    repository = tmp_path_factory.mktemp("repository")
    content = repository / "content"
    shutil.copytree(REPO / "Tests/HandbookKitTests/Fixtures/wiki/content", content)
    site = (content / "site.yml").read_text()
    (content / "site.yml").write_text(site + f"edit_url: {EDIT}\ngit_authors: true\n")
    git(repository, "init", "-q", "-b", "main")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "Import the wiki", date="2026-01-10T09:00:00+01:00")
    page = content / "People_Ops" / "hm_intro_call.md"
    page.write_text(page.read_text() + "\nAsk about the team's on-call rota.\n")
    git(repository, "commit", "-q", "-am", "Intro call: ask about on-call", author="Ben Berg", date="2026-03-02T16:45:00+00:00")
    return build_site(content, tmp_path_factory.mktemp("site"))


@pytest.fixture
def wiki(browser, wiki_dir):
    helper = Browser(browser.driver, wiki_dir)
    yield helper
    helper.assert_no_console_errors()


def test_recent_changes_lead_to_the_page_its_date_and_its_edit_link(wiki, emulate):
    emulate(1280, 900)
    driver = wiki.open("index.html")
    recent = driver.find_elements(By.CSS_SELECTOR, "#home-changes ~ .change-list li > a")
    assert recent[0].text == "Hiring manager intro call"
    driver.find_element(By.LINK_TEXT, "All recent changes").click()
    wiki.wait().until(lambda d: d.current_url.endswith("/changes.html"))
    feed = driver.find_element(By.CSS_SELECTOR, "a[href='changes.xml']")
    assert feed.get_attribute("type") == "application/atom+xml"
    first = driver.find_element(By.CSS_SELECTOR, ".change-list li")
    assert "2 March 2026 · Ben Berg · Intro call: ask about on-call" in first.text
    assert first.find_element(By.CSS_SELECTOR, ".badge").text == "People operations"
    first.find_element(By.TAG_NAME, "a").click()
    wiki.wait().until(lambda d: d.current_url.endswith("/people-ops/hm-intro-call.html"))
    updated = driver.find_element(By.CSS_SELECTOR, ".reviewed .updated")
    assert updated.text == "Updated 2 March 2026 by Ben Berg."
    assert updated.find_element(By.TAG_NAME, "time").get_attribute("datetime") == "2026-03-02T16:45:00+00:00"
    edit = driver.find_element(By.LINK_TEXT, "Edit this page")
    assert edit.get_attribute("href") == EDIT.replace("{path}", "People_Ops/hm_intro_call.md")


def test_owners_lead_to_every_page_without_an_owner(wiki, emulate):
    emulate(1280, 900)
    driver = wiki.open("owners.html")
    driver.find_element(By.LINK_TEXT, "Every page with no owner").click()
    wiki.wait().until(lambda d: d.current_url.endswith("/owners/no-owner.html"))
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".owned-list li > a")]
    assert "Hiring manager intro call" in titles and titles == sorted(titles, key=str.lower)
    line = driver.find_element(By.XPATH, "//li[a='Hiring manager intro call']/p").text
    assert line == "never reviewed · updated 2 March 2026 by Ben Berg"


AXE = pathlib.Path(importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0]) / "axe.min.js"

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {preload: false, runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(result => done(result.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
  .catch(error => done(['axe failed: ' + error]));
"""


@pytest.mark.parametrize("width", [360, 1280])
def test_changes_and_owners_read_on_a_phone_and_pass_axe(wiki, emulate, width):
    emulate(width, 800)
    source = AXE.read_text()
    wiki.driver.set_script_timeout(60)
    failures = {}
    for path in ["changes.html", "owners.html", "owners/no-owner.html", "people-ops/hm-intro-call.html"]:
        driver = wiki.open(path)
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width, f"{path} scrolls sideways"
        driver.execute_script(source)
        violations = driver.execute_async_script(RUN_AXE)
        if violations:
            failures[path] = violations
    assert failures == {}
