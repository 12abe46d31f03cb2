"""Every main page: one h1, a language on <html>, the header search, and a clean console."""

import pytest
from selenium.webdriver.common.by import By

PAGES = [
    "index.html",
    "terms/index.html",
    "archetypes/index.html",
    "companies/index.html",
    "questions.html",
    "checklist.html",
    "print.html",
    "owners.html",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_basics(browser, path):
    driver = browser.open(path)  # also asserts no console errors while loading

    headings = driver.find_elements(By.TAG_NAME, "h1")
    assert len(headings) == 1, f"{path} has {len(headings)} h1 elements: {[h.text for h in headings]}"
    assert headings[0].text.strip(), f"{path} has an empty h1"
    assert headings[0].is_displayed()

    lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    assert lang and lang.strip(), f"{path} has no lang on <html>"
    assert driver.execute_script("return document.documentElement.lang") == lang

    assert driver.title.strip(), f"{path} has no <title>"
    assert len(driver.find_elements(By.ID, "search-input")) == 1
    assert len(driver.find_elements(By.ID, "search-results")) == 1

    # Every linked stylesheet loaded (link.sheet stays null when it fails; file:// pages may not
    # read cssRules), and search.js ran (it adds a status region after the listbox).
    unloaded = driver.execute_script(
        "return [...document.querySelectorAll('link[rel=stylesheet]')].filter(l => !l.sheet).map(l => l.href)"
    )
    assert unloaded == [], f"stylesheets that did not load: {unloaded}"
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results + [role=status]"), "search.js did not run"
    browser.assert_no_console_errors()


def test_console_check_catches_errors(browser):
    """The helper every test relies on really sees a SEVERE console entry."""
    driver = browser.open("index.html")
    driver.execute_script("console.error('handbook browser test: deliberate error')")
    with pytest.raises(AssertionError, match="deliberate error"):
        browser.assert_no_console_errors()
    browser.assert_no_console_errors()  # reported once, then cleared
