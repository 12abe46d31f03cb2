"""The header search box (a combobox) and search.html, in a real browser over file://."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ARTICLE = "articles/python-for-recruiters.html"


def search_box(driver):
    return driver.find_element(By.ID, "search-input")


def listbox(driver):
    return driver.find_element(By.ID, "search-results")


def status_text(driver):
    """The live status search.js adds after the listbox: 'N results for “query”'."""
    return driver.execute_script(
        "var s = document.querySelector('#search-results + [role=status]');"
        "return s ? s.textContent : null;"
    )


def options(driver):
    return listbox(driver).find_elements(By.CSS_SELECTOR, "li[role=option]")


def type_in_search(browser, text):
    """Presses / on the page (not in a field) to focus the box, then types like a user."""
    driver = browser.driver
    assert driver.switch_to.active_element != search_box(driver), "the box is focused before /"
    ActionChains(driver).send_keys("/").perform()  # goes to the focused element: the page body
    browser.wait().until(
        lambda d: d.switch_to.active_element == search_box(d), "/ did not focus the search box"
    )
    ActionChains(driver).send_keys(text).perform()
    assert search_box(driver).get_attribute("value") == text, "/ was typed into the box, or keys were lost"
    # The status names the query it counts, so this waits for the final keystroke's results,
    # not for an earlier prefix's ("dj" would find Django without any typo tolerance).
    browser.wait().until(
        lambda d: (status_text(d) or "").endswith("\u201c" + text + "\u201d"),
        f"no results rendered for {text!r} (status: {status_text(driver)!r})",
    )
    browser.wait().until(lambda d: listbox(d).is_displayed(), "the listbox did not open")


def first_result(driver):
    found = options(driver)
    assert found, "the listbox has no options"
    first = found[0]
    link = first.find_element(By.TAG_NAME, "a")
    return {
        "id": first.get_attribute("id"),
        "title": first.find_element(By.CSS_SELECTOR, ".search-title").text,
        "kind": first.find_element(By.CSS_SELECTOR, ".search-kind").text,
        "kind_class": first.find_element(By.CSS_SELECTOR, ".search-kind").get_attribute("class"),
        "snippet": first.find_element(By.CSS_SELECTOR, ".search-snippet").text,
        "href": link.get_attribute("href"),
    }


def test_misspelling_finds_term_and_keyboard_opens_it(browser):
    driver = browser.open(ARTICLE)
    box = search_box(driver)
    assert box.get_attribute("aria-expanded") == "false"
    assert not listbox(driver).is_displayed()

    type_in_search(browser, "djnago")

    assert box.get_attribute("aria-expanded") == "true"
    first = first_result(driver)
    assert first["title"] == "Django"
    assert first["kind"].lower() == "term"
    assert "search-kind-term" in first["kind_class"].split()
    assert first["snippet"], "the result has no snippet"
    assert first["href"].endswith("/terms/django.html")
    assert box.get_attribute("aria-activedescendant") is None, "an option is active before any arrow key"

    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == first["id"]
    assert options(driver)[0].get_attribute("aria-selected") == "true"

    # ArrowUp from the first option wraps to the last; ArrowDown comes back.
    count = len(options(driver))
    box.send_keys(Keys.ARROW_UP)
    if count > 1:
        assert box.get_attribute("aria-activedescendant") == options(driver)[-1].get_attribute("id")
        assert options(driver)[0].get_attribute("aria-selected") == "false"
        assert options(driver)[-1].get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == first["id"]
    browser.assert_no_console_errors()

    box.send_keys(Keys.ENTER)
    browser.wait().until(
        lambda d: d.current_url.endswith("/terms/django.html"),
        f"Enter did not open terms/django.html (at {driver.current_url})",
    )
    browser.wait().until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Django"
    browser.assert_no_console_errors()


@pytest.mark.parametrize(
    "query, title, kind",
    [
        ("fasta", "FastAPI", "term"),  # a partial word
        ("data eng", "Data Engineer", "archetype"),  # a role by part of its name
        ("instgram", "Instagram", "company"),  # a misspelt company
    ],
)
def test_partial_and_misspelt_queries(browser, query, title, kind):
    driver = browser.open(ARTICLE)
    type_in_search(browser, query)
    first = first_result(driver)
    assert (first["title"], first["kind_class"].split()[-1]) == (title, "search-kind-" + kind), (
        f"{query!r}: first result is {first['title']!r} ({first['kind']}), "
        f"all: {[o.text.splitlines()[:2] for o in options(driver)]}"
    )
    browser.assert_no_console_errors()


def test_escape_closes_the_listbox(browser):
    driver = browser.open(ARTICLE)
    type_in_search(browser, "pandas")
    box = search_box(driver)
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant")

    box.send_keys(Keys.ESCAPE)
    browser.wait().until(lambda d: not listbox(d).is_displayed(), "Esc did not hide the listbox")
    assert listbox(driver).get_attribute("hidden") is not None
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert box.get_attribute("value") == "pandas", "the first Esc only closes; it keeps the query"
    assert driver.switch_to.active_element == box
    browser.assert_no_console_errors()


# ---------------------------------------------------------------------------------------------
# search.html
# ---------------------------------------------------------------------------------------------


def search_page_settled(driver):
    """search.html shows 'Searching…' until the index has loaded, then results or a message."""
    message = driver.find_elements(By.CSS_SELECTOR, "#search-page .search-message")
    return bool(message) and "Searching" not in message[0].text


def test_results_page_highlights_matches(browser):
    driver = browser.open("search.html", q="pandas")
    browser.wait().until(search_page_settled, "search.html never showed its results")
    assert search_box(driver).get_attribute("value") == "pandas"

    cards = driver.find_elements(By.CSS_SELECTOR, "#search-page li.search-card")
    assert cards, "no result cards for 'pandas'"
    message = driver.find_element(By.CSS_SELECTOR, "#search-page .search-message").text
    assert message.startswith(f"{len(cards)} result"), message

    titles = [c.find_element(By.CSS_SELECTOR, ".search-card-title a").text for c in cards]
    assert titles[0] == "pandas", f"the pandas term is not first: {titles[:5]}"
    for card in cards:
        assert card.find_element(By.CSS_SELECTOR, ".search-kind").text
    marks = driver.find_elements(By.CSS_SELECTOR, "#search-page .search-card .search-snippet mark")
    assert marks, "no <mark> in any snippet"
    assert all(m.text.lower().startswith("pandas") for m in marks), [m.text for m in marks]
    first_marks = cards[0].find_elements(By.CSS_SELECTOR, ".search-snippet mark")
    assert first_marks and first_marks[0].text.lower() == "pandas"
    browser.assert_no_console_errors()


def test_results_page_says_when_nothing_matches(browser):
    driver = browser.open("search.html", q="qwxzvbn")
    browser.wait().until(search_page_settled, "search.html never showed its message")
    assert not driver.find_elements(By.CSS_SELECTOR, "#search-page .search-card")
    message = driver.find_element(By.CSS_SELECTOR, "#search-page .search-message").text
    assert message.startswith("No results for \u201cqwxzvbn\u201d"), message
    browser.assert_no_console_errors()


def test_results_page_renders_a_hostile_query_as_text(browser):
    hostile = "<img src=x onerror=alert(1)>"
    driver = browser.open("search.html", q=hostile)
    browser.wait().until(search_page_settled, "search.html never showed its message")
    # An alert would already have made the calls above fail with UnexpectedAlertPresentException.
    assert driver.find_elements(By.TAG_NAME, "img") == [], "the query was parsed as HTML"
    assert driver.execute_script("return document.querySelectorAll('#search-page *:not(p):not(ol):not(li):not(h2):not(a):not(span):not(mark)').length") == 0
    message = driver.find_element(By.CSS_SELECTOR, "#search-page .search-message").text
    assert f"\u201c{hostile}\u201d" in message, message
    assert search_box(driver).get_attribute("value") == hostile

    # The same query in the header box: the dropdown's "No results"/status text stays text too.
    box = search_box(driver)
    box.clear()
    box.send_keys(hostile)
    browser.wait().until(lambda d: (status_text(d) or "").endswith("\u201c" + hostile + "\u201d"))
    assert driver.find_elements(By.TAG_NAME, "img") == []
    browser.assert_no_console_errors()
