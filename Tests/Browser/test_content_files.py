"""Files content embeds (images) are copied where the page looks for them: they load from file://,
on the article and on the one-page print version at the site root."""

import subprocess

import pytest

from conftest import HANDBOOK, REPO, Browser

FIXTURE = REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "tricky" / "content"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("tricky") / "public"
    result = subprocess.run(
        [str(HANDBOOK), "build", "--content", str(FIXTURE), "--templates", str(REPO / "templates"), "--output", str(output)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return output


@pytest.mark.parametrize("page", ["articles/tricky-mentions.html", "print.html"])
def test_embedded_images_load_from_disk(driver, fixture_site, page):
    driver.get_log("browser")
    browser = Browser(driver, fixture_site)
    browser.open(page)
    images = driver.execute_script(
        "return [...document.querySelectorAll('main img')].map(i => [i.getAttribute('src'), i.complete, i.naturalWidth])")
    assert images, f"{page} has no image"
    for src, complete, width in images:
        assert complete and width > 0, f"{src} did not load on {page}"
    browser.assert_no_console_errors()
