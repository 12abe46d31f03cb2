"""The section tree of a team's wiki (Tests/HandbookKitTests/Fixtures/wiki) from file://: beside the page on a wide
screen, folded above it on a phone, opened by keyboard, the current page marked for screen readers."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import REPO, Browser, build_site

PAGE = "people-ops/onboarding/first-week.html"


@pytest.fixture(scope="module")
def wiki_dir(tmp_path_factory):
    return build_site(REPO / "Tests/HandbookKitTests/Fixtures/wiki/content", tmp_path_factory.mktemp("wiki"))


@pytest.fixture
def wiki(browser, wiki_dir):
    """The test's browser, opening the wiki's pages."""
    helper = Browser(browser.driver, wiki_dir)
    yield helper
    helper.assert_no_console_errors()


def tree_state(driver):
    return driver.execute_script(
        """
        const nav = document.querySelector('.section-tree');
        const details = nav.querySelector('details');
        const current = nav.querySelector('[aria-current="page"]');
        const main = document.querySelector('.item').getBoundingClientRect();
        const box = nav.getBoundingClientRect();
        return {
          label: nav.getAttribute('aria-label'),
          open: details.open,
          currentText: current && current.textContent,
          currentShown: !!current && current.checkVisibility(),
          besideMain: box.right <= main.left,
          aboveMain: box.bottom <= main.top,
          scrollWidth: document.documentElement.scrollWidth,
          openBranches: [...nav.querySelectorAll('li.tree-section > ul')].map((ul) => ul.parentElement.firstElementChild.textContent),
        };
        """
    )


def test_wide_screen_shows_the_tree_beside_the_page_with_the_current_branch_open(wiki, emulate):
    emulate(1280, 900)
    state = tree_state(wiki.open(PAGE))
    assert state["label"] == "Sections"
    assert state["open"] and state["currentShown"] and state["besideMain"]
    assert state["currentText"] == "The first week"
    assert state["openBranches"] == ["People operations", "Onboarding"]
    assert state["scrollWidth"] <= 1280
    # Beside the page it cannot be folded away, and its label is not a stop for the keyboard.
    summary = wiki.driver.find_element(By.CSS_SELECTOR, ".section-tree summary")
    assert summary.get_attribute("tabindex") == "-1"
    wiki.driver.execute_script("arguments[0].click()", summary)
    wiki.wait().until(lambda d: d.execute_script("return document.querySelector('.section-tree details').open"))


def test_phone_folds_the_tree_above_the_page_and_a_tap_opens_it(wiki, emulate):
    emulate(360, 740)
    driver = wiki.open(PAGE)
    state = tree_state(driver)
    assert not state["open"] and not state["currentShown"] and state["aboveMain"]
    assert state["scrollWidth"] <= 360
    driver.find_element(By.CSS_SELECTOR, ".section-tree summary").click()
    state = tree_state(driver)
    assert state["open"] and state["currentShown"]
    assert state["scrollWidth"] <= 360


def test_keyboard_opens_the_tree_and_walks_its_links(wiki, emulate):
    emulate(360, 740)
    driver = wiki.open(PAGE)
    summary = driver.find_element(By.CSS_SELECTOR, ".section-tree summary")
    driver.execute_script("arguments[0].focus()", summary)
    summary.send_keys(Keys.ENTER)
    wiki.wait().until(lambda d: d.execute_script("return document.querySelector('.section-tree details').open"))
    summary.send_keys(Keys.TAB)
    focused = wiki.active_element()
    assert focused.text == "People operations"
    # Tab goes through the open branch to the current page, and Enter follows a link.
    for _ in range(3):
        wiki.active_element().send_keys(Keys.TAB)
    assert wiki.active_element().get_attribute("aria-current") == "page"
    wiki.active_element().send_keys(Keys.SHIFT, Keys.TAB)
    wiki.active_element().send_keys(Keys.ENTER)
    wiki.wait().until(lambda d: d.current_url.endswith("people-ops/onboarding/index.html"))


def test_breadcrumbs_and_section_pages_lead_home(wiki):
    driver = wiki.open(PAGE)
    crumbs = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs a")]
    assert crumbs == ["Home", "People operations", "Onboarding"]
    driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs a")[0].click()
    wiki.wait().until(lambda d: d.current_url.endswith("/index.html") and "people-ops" not in d.current_url)
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#home-contents ~ ul a")]
    assert titles == ["People operations", "Process"]
