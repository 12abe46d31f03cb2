"""Glossary mentions in article bodies show their definition on keyboard focus and on hover."""

import json

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ARTICLE = "articles/python-for-recruiters.html"
MAX_TABS = 120

TIP_STYLE = """
const style = getComputedStyle(arguments[0], '::after');
return {content: style.content, opacity: style.opacity, visibility: style.visibility,
        display: style.display};
"""


def tip_style(driver, link):
    return driver.execute_script(TIP_STYLE, link)


def css_string(content):
    """The value of a computed `content` that is one CSS string ("..."), else None."""
    if len(content) < 2 or content[0] != '"' or content[-1] != '"':
        return None
    # Computed strings are serialized with " and \ escaped; json reads that the same way.
    return json.loads(content)


def tip_is_shown(driver, link):
    style = tip_style(driver, link)
    return style["visibility"] == "visible" and style["opacity"] == "1" and style["display"] != "none"


def tip_is_hidden(driver, link):
    style = tip_style(driver, link)
    return style["visibility"] == "hidden" or style["opacity"] == "0" or style["display"] == "none"


def check_tip(browser, link):
    """The ::after text is the data-tip, and aria-describedby names a node with the same text."""
    driver = browser.driver
    tip = link.get_attribute("data-tip")
    assert tip and tip.strip(), "the term link has no data-tip"
    browser.wait().until(
        lambda d: tip_is_shown(d, link), f"the definition is not visible: {tip_style(driver, link)}"
    )
    content = tip_style(driver, link)["content"]
    assert css_string(content) == tip, f"::after shows {content!r}, data-tip is {tip!r}"

    described_by = link.get_attribute("aria-describedby")
    assert described_by, "the term link has no aria-describedby"
    ids = described_by.split()
    assert len(ids) == 1, described_by
    targets = driver.find_elements(By.ID, ids[0])
    assert len(targets) == 1, f"aria-describedby={ids[0]!r} matches {len(targets)} elements"
    # The holder is hidden, so read textContent (WebElement.text is '' for hidden nodes).
    text = driver.execute_script("return arguments[0].textContent", targets[0])
    assert text == tip, f"#{ids[0]} says {text!r}, data-tip is {tip!r}"
    assert driver.execute_script(
        "return arguments[0].closest('#term-tips[hidden]') !== null", targets[0]
    ), f"#{ids[0]} is not inside the hidden #term-tips"


def test_tab_to_a_glossary_link_shows_its_definition(browser):
    driver = browser.open(ARTICLE)
    links = driver.find_elements(By.CSS_SELECTOR, "main .term-link")
    assert links, "the article has no glossary links"
    assert all(tip_is_hidden(driver, link) for link in links), "a definition shows before any focus"

    # A real keyboard walk from the top of the page: skip link, header, search box, contents, body.
    focused = None
    for presses in range(1, MAX_TABS + 1):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        active = driver.switch_to.active_element
        if "term-link" in (active.get_attribute("class") or "").split():
            focused = active
            break
    assert focused is not None, f"no .term-link got focus within {MAX_TABS} Tab presses"
    assert focused == links[0], "Tab skipped the first glossary link in the article"

    check_tip(browser, focused)
    # Only the focused link shows its definition.
    assert all(tip_is_hidden(driver, link) for link in links[1:])

    # Tab on: the definition follows the focus.
    ActionChains(driver).send_keys(Keys.TAB).perform()
    following = driver.switch_to.active_element
    browser.wait().until(lambda d: tip_is_hidden(d, focused), "the definition stays after Tab")
    if "term-link" in (following.get_attribute("class") or "").split():
        check_tip(browser, following)
    browser.assert_no_console_errors()


def test_hovering_a_glossary_link_shows_its_definition(browser):
    driver = browser.open(ARTICLE)
    links = driver.find_elements(By.CSS_SELECTOR, "main .term-link")
    assert len(links) >= 2
    link = links[1]  # not the first: nothing about this one is special
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    heading = driver.find_element(By.TAG_NAME, "h1")
    # The pointer outlives navigation: park it on plain text first, wherever it was.
    ActionChains(driver).move_to_element(heading).perform()
    browser.wait().until(lambda d: tip_is_hidden(d, link), "the definition shows before any hover")
    assert driver.switch_to.active_element != link

    ActionChains(driver).move_to_element(link).perform()
    check_tip(browser, link)
    assert driver.switch_to.active_element != link, "hover alone should not move focus"

    # Moving away hides it again.
    ActionChains(driver).move_to_element(heading).perform()
    browser.wait().until(lambda d: tip_is_hidden(d, link), "the definition stays after the pointer left")
    browser.assert_no_console_errors()


def test_every_glossary_link_has_a_matching_hidden_definition(browser):
    driver = browser.open(ARTICLE)
    problems = driver.execute_script(
        """
        const out = [];
        for (const link of document.querySelectorAll('main .term-link')) {
          const id = link.getAttribute('aria-describedby');
          const target = id && document.getElementById(id);
          if (!target) out.push(link.textContent + ': no element #' + id);
          else if (target.textContent !== link.getAttribute('data-tip'))
            out.push(link.textContent + ': #' + id + ' differs from data-tip');
        }
        return out;
        """
    )
    assert problems == []
    browser.assert_no_console_errors()
