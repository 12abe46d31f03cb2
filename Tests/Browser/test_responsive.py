"""Every kind of page fits a phone: no sideways scroll at 360 and 390 px, nor at 1280.

A headless window cannot be narrower than 500 px, so phones are emulated through CDP
`Emulation.setDeviceMetricsOverride`. Each page is screenshotted under .build/screenshots/ for review.
"""

import pathlib

import pytest
from selenium.webdriver.common.by import By

REPO = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / ".build" / "screenshots"

# One page of every kind the site has.
PAGES = [
    "index.html",
    "articles/index.html",
    "articles/four-python-roles.html",  # a Markdown table
    "articles/modern-python.html",  # code blocks
    "terms/index.html",
    "terms/django.html",
    "archetypes/index.html",  # the roles compared table
    "archetypes/data-engineer.html",
    "archetypes/data-engineer-kit.html",
    "companies/index.html",  # the company x stack matrix
    "companies/instagram.html",
    "tags/index.html",
    "tags/interviewing.html",
    "questions.html",
    "checklist.html",
    "print.html",
    "search.html",
    "404.html",
]
WIDTHS = [360, 390, 1280]


def page_width(driver):
    return driver.execute_script(
        "return {scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,"
        " body: document.body.scrollWidth}"
    )


WIDE_ELEMENTS = """
const limit = document.documentElement.clientWidth;
return [...document.querySelectorAll('body *')]
  .filter(e => !e.closest('.table-wrap, pre') && e.getBoundingClientRect().right > limit + 1)
  .slice(0, 5).map(e => e.outerHTML.slice(0, 120));
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scroll(browser, emulate, path, width):
    emulate(width)
    driver = browser.open(path)
    size = page_width(driver)
    # A desktop window keeps a vertical scrollbar; an emulated phone has an overlay one.
    assert width - 20 <= size["client"] <= width, f"the emulated viewport is {size['client']} px, not {width}"
    shot = SCREENSHOTS / str(width) / (path.replace("/", "__").removesuffix(".html") + ".png")
    shot.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(shot))
    assert size["scroll"] <= size["client"] and size["body"] <= size["client"], (
        f"{path} is {size['scroll']} px wide at {width} px; too wide: {driver.execute_script(WIDE_ELEMENTS)}"
    )


TIP_BOX = """
const link = arguments[0];
const tip = getComputedStyle(link, '::after');
const box = link.getClientRects()[0];
const left = box.left + parseFloat(tip.left);
const width = parseFloat(tip.width);
return {display: tip.display, left: left, right: left + width, viewport: document.documentElement.clientWidth};
"""


@pytest.mark.parametrize("width", [360, 390])
def test_definitions_stay_inside_the_viewport(browser, emulate, width):
    """Every glossary mention of a long article: focused, its definition fits the screen and widens nothing."""
    emulate(width)
    driver = browser.open("articles/python-for-recruiters.html")
    links = driver.find_elements(By.CSS_SELECTOR, "main .term-link")
    assert len(links) > 10
    for link in links:
        driver.execute_script("arguments[0].focus()", link)
        box = driver.execute_script(TIP_BOX, link)
        assert box["display"] == "block", f"{link.text}: the definition is not shown on focus"
        assert box["left"] >= 0 and box["right"] <= box["viewport"], f"{link.text}: the definition leaves the screen: {box}"
        assert page_width(driver)["scroll"] <= width, f"{link.text}: showing the definition widened the page"
        driver.execute_script("arguments[0].blur()", link)


def test_wide_tables_scroll_in_their_own_box(browser, emulate):
    emulate(360)
    driver = browser.open("companies/index.html")
    wrap = driver.find_element(By.CSS_SELECTOR, ".table-wrap")
    state = driver.execute_script(
        "const w = arguments[0]; return {over: w.scrollWidth > w.clientWidth, cls: w.className,"
        " tab: w.getAttribute('tabindex'), role: w.getAttribute('role'), label: w.getAttribute('aria-label')}",
        wrap,
    )
    assert state["over"], "the matrix should be wider than a phone"
    assert "is-overflowing" in state["cls"]
    assert state["tab"] == "0" and state["role"] == "region" and state["label"], "a keyboard cannot scroll the table"
    hint = driver.find_element(By.CSS_SELECTOR, ".scroll-hint")
    assert hint.is_displayed() and "sideways" in hint.text

    # The first column stays where it is while the table scrolls under it.
    first = driver.find_element(By.CSS_SELECTOR, ".matrix tbody th")
    before = first.rect["x"]
    driver.execute_script("arguments[0].scrollLeft = 200", wrap)
    browser.wait().until(lambda d: "is-scrolled" in wrap.get_attribute("class"))
    assert abs(first.rect["x"] - before) < 1, "the first column scrolled away"
    assert page_width(driver)["scroll"] <= 360

    # On a wide screen the same table fits: no hint, no extra tab stop.
    emulate(1280)
    driver = browser.open("archetypes/index.html")
    browser.wait().until(lambda d: d.execute_script("return document.readyState") == "complete")
    wrap = driver.find_element(By.CSS_SELECTOR, ".table-wrap")
    assert wrap.get_attribute("tabindex") is None
    assert not [h for h in driver.find_elements(By.CSS_SELECTOR, ".scroll-hint") if h.is_displayed()]
