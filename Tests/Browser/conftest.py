"""Real-browser tests for the built handbook (pytest + Selenium + headless Chromium).

The session builds the real site once, from content/ and templates/, with the debug binary,
and every test opens the generated pages over file:// (the site must work without a server).

Run from the repo root, after `swift build`:

    .build/venv/bin/python -m pytest -q Tests/Browser
"""

import os
import pathlib
import shutil
import subprocess
from urllib.parse import urlencode

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

REPO = pathlib.Path(__file__).resolve().parents[2]
HANDBOOK = REPO / ".build" / "debug" / "handbook"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"

WAIT_SECONDS = 5


# ---------------------------------------------------------------------------------------------
# The site
# ---------------------------------------------------------------------------------------------


def build_site(content, output):
    """Builds the site in `content` with the debug binary and this repository's templates into `output`."""
    if not HANDBOOK.is_file() or not os.access(HANDBOOK, os.X_OK):
        pytest.fail(
            f"handbook debug binary not found at {HANDBOOK}: run `swift build` in {REPO} first",
            pytrace=False,
        )
    result = subprocess.run(
        [
            str(HANDBOOK), "build",
            "--content", str(content),
            "--templates", str(REPO / "templates"),
            "--output", str(output),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        pytest.fail(
            f"`handbook build` failed with exit code {result.returncode}:\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    for required in ("index.html", "search.html", "search-index.js", "assets/search.js"):
        if not (output / required).is_file():
            pytest.fail(f"`handbook build` did not write {required} into {output}", pytrace=False)
    return output


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """Builds the real handbook once; returns the output directory."""
    return build_site(REPO / "content", tmp_path_factory.mktemp("site"))


# ---------------------------------------------------------------------------------------------
# The browser
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium for the session (tests navigate, so pages never share state)."""
    for path in (CHROMEDRIVER, CHROMIUM):
        if not os.access(path, os.X_OK):
            pytest.fail(f"{path} is missing: install Debian's chromium and chromium-driver", pytrace=False)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager never runs (there is no network).
    service = Service(executable_path=CHROMEDRIVER)
    try:
        chrome = webdriver.Chrome(service=service, options=options)
    except WebDriverException as error:
        pytest.fail(f"could not start headless Chromium: {error.msg}", pytrace=False)
    yield chrome
    chrome.quit()


class Browser:
    """The session's driver, plus helpers to open built pages and watch the console."""

    def __init__(self, driver, site_dir):
        self.driver = driver
        self.site_dir = site_dir
        self.errors = []  # SEVERE console entries seen so far in this test

    def url(self, path, **query):
        target = self.site_dir / path
        assert target.is_file(), f"the build has no {path}"
        url = target.as_uri()
        return url + "?" + urlencode(query) if query else url

    def open(self, path, **query):
        """Opens a built page (file://) and checks it logged no console errors while loading."""
        self.assert_no_console_errors()  # whatever the previous page logged is reported first
        self.driver.get(self.url(path, **query))
        self.wait().until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.assert_no_console_errors()
        return self.driver

    def wait(self, seconds=WAIT_SECONDS):
        return WebDriverWait(self.driver, seconds)

    def collect_console(self):
        """Drains the browser log, keeps the SEVERE entries, and returns those seen so far."""
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                self.errors.append(entry)
        return self.errors

    def assert_no_console_errors(self):
        errors = self.collect_console()
        messages = "\n".join(f"  {e.get('source', '?')}: {e.get('message')}" for e in errors)
        self.errors = []
        assert not errors, (
            f"console errors on {self.driver.current_url}:\n{messages}"
        )

    def active_element(self):
        return self.driver.switch_to.active_element


@pytest.fixture
def browser(driver, site_dir):
    """Per test: a clean console log, and a final check that no page the test opened logged errors."""
    driver.get_log("browser")  # drop anything left over from an earlier test
    helper = Browser(driver, site_dir)
    yield helper
    try:
        helper.assert_no_console_errors()
    finally:
        # Leave no page behind that could leak timers or focus into the next test.
        driver.get("about:blank")
        driver.get_log("browser")


@pytest.fixture
def emulate(browser):
    """Emulates a screen of the given width (and height) through CDP: a headless window cannot be narrower than
    500 px. Below 500 px the screen is a phone's. The override is cleared after the test, or by `emulate.clear()`."""

    class Screen:
        def __call__(self, width, height=800):
            browser.driver.execute_cdp_cmd(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500},
            )

        def clear(self):
            browser.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    screen = Screen()
    yield screen
    screen.clear()
