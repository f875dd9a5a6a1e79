"""A site of many articles: no page lists them all. The navigation holds the home page and
the archive; the home page and the 404 page show the newest ten and link to the archive,
whose pages hold fifty each; every article is on exactly one archive page."""

from __future__ import annotations

import re

import pytest
from conftest import build, make_site

EXTRA = 120  # with the real article: 121, three archive pages


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    root = make_site(tmp_path_factory.mktemp("archive"))
    for n in range(EXTRA):
        (root / f"docs/articles/note-{n:03d}.md").write_text(
            f"---\ntitle: Note {n:03d}\nsummary: A short note.\nauthor: rob-lovitt\ndate: 2021-01-{n % 28 + 1:02d}\n"
            "---\n\nA short note.\n",
            encoding="utf-8",
        )
    result = build(root)
    assert result.returncode == 0, result.output
    return result


def article_links(html: str) -> list[str]:
    return re.findall(r'<h2><a href="[^"]*articles/([^/"]+)/">', html)


def test_archive_pages_hold_every_article_once(many):
    pages = ["archive/index.html", "archive/page/2/index.html", "archive/page/3/index.html"]
    listed = [article_links(many.page(p)) for p in pages]
    assert [len(x) for x in listed] == [50, 50, 21]
    every = [a for page in listed for a in page]
    assert len(every) == len(set(every)) == EXTRA + 1
    assert not (many.site / "archive/page/4").exists()
    second = many.page(pages[1])
    assert "121 articles, newest first: page 2 of 3." in second
    assert 'rel="prev"' in second and 'rel="next"' in second and 'aria-current="page">2<' in second


def test_home_and_404_list_the_newest_ten_and_lead_to_the_archive(many):
    home = many.page("index.html")
    assert len(article_links(home)) == 10
    assert '<a href="archive/">All 121 articles</a>' in home
    not_found = many.page("404.html")
    assert "Newest articles" in not_found and '<a href="/archive/">All 121 articles</a>' in not_found


def test_no_page_lists_every_article_in_its_navigation(many):
    article = many.page("articles/note-000/index.html")
    navigation = article[article.index("md-nav--primary") : article.index("</nav>", article.index("md-nav--primary"))]
    assert len(re.findall(r"md-nav__link", navigation)) < 10
    assert "note-001" not in article
