"""Interview kits: one per role, reachable from the role page, the roles table and the checklist,
and printable on A4 and Letter (printed to PDF by Chromium itself, pages saved under .build/ for review)."""

import base64
import pathlib
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

REPO = pathlib.Path(__file__).resolve().parents[2]
PDFS = REPO / ".build" / "kits"
ROLES = sorted(p.stem for p in (REPO / "content" / "archetypes").glob("*.md"))
PAPER = {"a4": (21.0, 29.7), "letter": (21.59, 27.94)}


def hrefs(driver, selector):
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, selector)]


def test_every_role_has_a_kit_linked_from_its_page_the_table_and_the_checklist(browser):
    driver = browser.open("archetypes/index.html")
    table_links = hrefs(driver, "table.compare a[href$='-kit.html']")
    driver = browser.open("checklist.html")
    checklist_links = hrefs(driver, "main a[href$='-kit.html']")
    for role in ROLES:
        kit = browser.url(f"archetypes/{role}-kit.html")
        assert kit in table_links, f"the roles table does not link the {role} kit"
        assert kit in checklist_links, f"the checklist does not link the {role} kit"
        driver = browser.open(f"archetypes/{role}.html")
        assert kit in hrefs(driver, "main a"), f"the {role} page does not link its kit"


@pytest.mark.parametrize("role", ROLES)
def test_kit_has_every_question_with_strong_and_weak_answers(browser, role):
    driver = browser.open(f"archetypes/{role}-kit.html")
    source = (REPO / "content" / "archetypes" / f"{role}.md").read_text()
    asked = len(re.findall(r"^  - question:", source, re.M))
    questions = driver.find_elements(By.CSS_SELECTOR, ".kit-questions > li")
    assert asked > 0 and len(questions) == asked
    for question in questions:
        assert question.find_element(By.CSS_SELECTOR, ".answer-strong").text.startswith("Strong:")
        assert question.find_element(By.CSS_SELECTOR, ".answer-weak").text.startswith("Weak:")
    for section in ("builds", "must-have", "signals", "stack"):
        assert driver.find_elements(By.ID, f"kit-{role}-{section}"), f"the {role} kit has no {section} section"
    button = driver.find_element(By.CSS_SELECTOR, "[data-print]")
    assert button.is_displayed() and button.tag_name == "button"


@pytest.mark.parametrize("role", ROLES)
def test_kit_prints_cleanly_on_a4_and_letter(browser, emulate, role):
    driver = browser.open(f"archetypes/{role}-kit.html")
    # Laid out for print at the narrower paper's text width (A4 less margins, 186 mm at 96 dpi), nothing is cut off.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    emulate(703, height=1000)
    try:
        width = driver.execute_script("return document.documentElement.scrollWidth")
        hidden = driver.execute_script(
            "return [...document.querySelectorAll('.site-header, .site-footer, .kit-actions')]"
            ".filter(e => getComputedStyle(e).display !== 'none').length"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        emulate.clear()
    assert width <= 703, f"the printed kit is {width} px wide"
    assert hidden == 0, "the header, footer or print button would be printed"

    PDFS.mkdir(parents=True, exist_ok=True)
    for paper, (page_width, page_height) in PAPER.items():
        options = PrintOptions()
        options.page_width, options.page_height = page_width, page_height
        pdf = base64.b64decode(driver.print_page(options))
        (PDFS / f"{role}-{paper}.pdf").write_bytes(pdf)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 <= pages <= 3, f"the {role} kit prints on {pages} {paper} pages"
