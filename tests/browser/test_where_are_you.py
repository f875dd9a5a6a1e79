"""The reader picks their own answer in each benchmark's chart, and "Your benchmark" gathers
them, clicked, tapped and typed as a reader would in real Chromium. Every expected line is built
here from data/, with its own arithmetic, independently of the page's script and of the render
layer."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES, ROOT, build, make_site
from playwright.sync_api import expect

from survey_data import load_dataset
from survey_render import format_percent

from .conftest import Visit, serve

ARTICLE = "/articles/social-healthcare-how-do-you-stack-up/"
SURVEY = "ubm-social-healthcare"


@pytest.fixture(scope="module")
def survey():
    return load_dataset(ROOT).surveys[SURVEY]


def questions(survey, kind):
    return [q for q in survey.questions if q.kind == kind]


# ---- what the page must say, computed from the data alone ------------------------------------


def pct(value: float) -> str:
    return format_percent(round(value, 6))


def rest(question) -> str:
    total = sum(a.percent for a in question.answers)
    if question.kind == "single" and total < 100 - 0.5 * len(question.answers):
        return pct(100 - total)
    return ""


def single_sentence(question, answer) -> str:
    same = pct(answer.percent)
    tail = ""  # what the source leaves unreported is said under the chart, not in the line
    if question.scale is None:
        return f"You are with the {same} who gave this answer." + tail
    percent = {a.id: a.percent for a in question.answers}
    rank = question.scale.index(answer.id)
    above = pct(sum(percent[i] for i in question.scale[rank + 1 :]))
    below = pct(sum(percent[i] for i in question.scale[:rank]))
    if rank == len(question.scale) - 1:
        return f"You are with the {same} at the top of this scale; {below} answered lower." + tail
    if rank == 0:
        return f"You are with the {same} at the bottom of this scale; {above} answered higher." + tail
    return f"You are with {same}; {above} answered higher and {below} lower." + tail


def none_sentence(question) -> str:
    if not rest(question):
        return "The source gives no other answer, so there is no figure to compare yours with."
    return f"The source does not say how {rest(question)} answered; yours may be among them."


def multiple_sentence(question, chosen, none=False) -> str:
    def shares(answers):
        values = [pct(a.percent) for a in answers]
        if len(values) > 3:
            low, high = min(answers, key=lambda a: a.percent), max(answers, key=lambda a: a.percent)
            return f"{pct(low.percent)} to {pct(high.percent)}"
        return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " and " + values[-1]

    order = shown_order(question)
    most = [a for a in order if a.percent > 50]
    chosen = [a for a in order if a in chosen]
    left = [a for a in most if a not in chosen]
    n = len(most)
    if none:
        if not most:
            return "None of these fits you; no answer was chosen by more than half."
        how_many = "one" if n == 1 else f"{n} of them"
        return f"None of these fits you; more than half chose {how_many} ({shares(most)})."
    if not most:
        verb = "was" if len(chosen) == 1 else "were"
        return f"No answer was chosen by more than half; yours {verb} chosen by {shares(chosen)}."
    if not left:
        which = "the answer" if n == 1 else "both answers" if n == 2 else f"all {n} answers"
        return f"You chose {which} more than half of respondents chose ({shares(most)})."
    if len(left) == n:
        if n == 1:
            return f"You did not choose the answer more than half chose ({shares(most)})."
        neither = "neither" if n == 2 else "none"
        return f"You chose {neither} of the {n} answers more than half chose ({shares(most)})."
    one = "the one at" if len(left) == 1 else "those at"
    return f"You chose {n - len(left)} of the {n} answers more than half chose; you left out {one} {shares(left)}."


def prompt(survey, question) -> str:
    who = survey.answers_for
    if question.kind == "multiple":
        return f"Pick every answer that fits {who} to compare."
    stands = "you stand" if who == "you" else f"{who} stands"
    return f"Pick the answer that fits {who} to see where {stands}."


# ---- the page ----------------------------------------------------------------------------------


def anchor(question, survey_id=SURVEY) -> str:
    return f"benchmark--{survey_id}--{question.id}"


def box(page, question, survey_id=SURVEY):
    return page.locator(f"#{anchor(question, survey_id)}")


def choose(page, question, label: str, survey_id=SURVEY) -> None:
    """A tap on the answer's words (or on "None of these", under the chart)."""
    if label == "None of these":
        box(page, question, survey_id).locator(".pick__none label").click()
        return
    box(page, question, survey_id).locator("tbody th label", has_text=re.compile("^" + re.escape(label))).click()


def result(page, question, survey_id=SURVEY):
    return box(page, question, survey_id).locator(".pick__line")


def row(page, question, answer, survey_id=SURVEY):
    return page.locator(f"#{anchor(question, survey_id)}--{answer.id}")


def summary_rows(page):
    """Each benchmark's row of "Your benchmark"."""
    return page.locator(".your-benchmark__table tbody tr")


def shown_order(question):
    """The answers as the page lists them: a scale from its highest, else as published."""
    if question.scale is None:
        return list(question.answers)
    by_id = {a.id: a for a in question.answers}
    return [by_id[i] for i in reversed(question.scale)]


# ---- tests -------------------------------------------------------------------------------------


def test_every_answer_of_every_one_answer_question_by_mouse(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in questions(survey, "single"):
        expect(result(page, question)).to_have_text(prompt(survey, question))
        headers = {a.id: row(page, question, a).locator("th").inner_text() for a in question.answers}
        for answer in question.answers:
            choose(page, question, answer.label)
            expect(result(page, question)).to_have_text(single_sentence(question, answer))
            # Their row is marked in words in its figure's cell; no row's header changes.
            marked = row(page, question, answer)
            expect(marked).to_have_class(re.compile(r"\bis-you\b"))
            expect(marked.locator("td .you-badge")).to_have_text("Your answer")
            assert box(page, question).locator("tr.is-you").count() == 1
            assert {a.id: row(page, question, a).locator("th").inner_text() for a in question.answers} == headers
        choose(page, question, "None of these")
        expect(result(page, question)).to_have_text(none_sentence(question))
        assert box(page, question).locator("tr.is-you").count() == 0
        # A tap on the figure or the bar picks the row too.
        answer = shown_order(question)[-1]
        row(page, question, answer).locator("td").click()
        expect(result(page, question)).to_have_text(single_sentence(question, answer))


def test_one_tab_stop_per_benchmark_and_the_arrow_keys_move_within_it(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    first = survey.questions[0]
    box(page, first).locator("input").first.focus()
    stops = [page.evaluate("document.activeElement.name")]
    for _ in range(40):  # the download and edit links lie between the charts
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.name || ''")
        if name.startswith("pick--"):
            stops.append(name)
        if name.endswith("." + survey.questions[-1].id):
            break
    # Each chart's choices are one stop: the next Tab leaves for the next chart.
    assert stops == [f"pick--{SURVEY}.{q.id}" for q in survey.questions], stops
    for question in questions(survey, "single"):
        box(page, question).locator("input").first.focus()
        page.keyboard.press("Space")  # selects the focused radio
        order = shown_order(question)
        expect(result(page, question)).to_have_text(single_sentence(question, order[0]))
        for answer in order[1:]:
            page.keyboard.press("ArrowDown")  # moves the choice within the group
            expect(result(page, question)).to_have_text(single_sentence(question, answer))
            expect(row(page, question, answer).locator(".you-badge")).to_have_text("Your answer")
        page.keyboard.press("ArrowDown")
        expect(result(page, question)).to_have_text(none_sentence(question))


def test_every_answer_of_the_several_answer_question(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in questions(survey, "multiple"):
        expect(result(page, question)).to_have_text(prompt(survey, question))
        chosen = []
        for answer in question.answers:  # tick them one by one, by mouse
            choose(page, question, answer.label)
            chosen.append(answer)
            expect(result(page, question)).to_have_text(multiple_sentence(question, chosen))
            expect(row(page, question, answer).locator(".you-badge")).to_have_text("Your answer")
            assert len(result(page, question).inner_text().split()) <= 22  # taken in at once
        choose(page, question, "None of these")  # clears the others: the two exclude each other
        expect(result(page, question)).to_have_text(multiple_sentence(question, [], none=True))
        assert box(page, question).locator("input:checked").count() == 1
        assert box(page, question).locator("tr.is-you").count() == 0
        # By keyboard: one tab stop; the arrow keys move, Space ticks and unticks.
        boxes = box(page, question).locator("tbody input")
        boxes.first.focus()
        page.keyboard.press("Space")  # unticks "None of these"? No: ticks the first answer
        for i, answer in enumerate(shown_order(question)):
            if i:
                page.keyboard.press("ArrowDown")
                page.keyboard.press("Space")
            expect(result(page, question)).to_have_text(multiple_sentence(question, [answer]))
            assert box(page, question).locator(".pick__none input").is_checked() is False
            page.keyboard.press("Space")
            expect(result(page, question)).to_have_text(prompt(survey, question))
        tabbable = boxes.evaluate_all("els => els.filter(e => e.tabIndex === 0).length")
        assert tabbable == 1


def test_a_result_is_announced_once_per_change_not_once_per_arrow_key(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    question = next(q for q in questions(survey, "single") if len(q.answers) >= 3)
    status = result(page, question)
    assert status.get_attribute("role") == "status"  # polite
    box(page, question).locator("input").first.focus()
    page.keyboard.press("Space")
    expect(status).to_have_text(single_sentence(question, shown_order(question)[0]))
    count_writes = """el => {
        window.__writes = 0;
        new MutationObserver(() => window.__writes++)
            .observe(el, {childList: true, characterData: true, subtree: true});
    }"""
    status.evaluate(count_writes)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(status).to_have_text(single_sentence(question, shown_order(question)[2]))
    page.wait_for_timeout(800)
    assert page.evaluate("window.__writes") == 1


def in_view(page, *locators) -> bool:
    """Every one of them wholly on the screen, below the sticky header."""
    top = page.locator(".md-header").bounding_box()
    floor = top["y"] + top["height"]
    height = page.viewport_size["height"]
    boxes = [loc.bounding_box() for loc in locators]
    return all(b["y"] >= floor - 0.5 and b["y"] + b["height"] <= height + 0.5 for b in boxes)


@pytest.mark.parametrize(("width", "height"), [(375, 667), (1280, 800)])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_after_a_pick_the_row_and_its_line_are_both_in_view(browser, site_url, survey, width, height, scheme):
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    for question in survey.questions:
        for answer in (shown_order(question)[0], shown_order(question)[-1]):
            # By pointer: the row brought to the bottom of the screen, its line out of view.
            target = row(page, question, answer)
            target.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 4)")
            target.locator("td").click()
            expect(target).to_have_class(re.compile(r"\bis-you\b"))
            expect(result(page, question)).not_to_have_text(prompt(survey, question))
            assert in_view(page, target, result(page, question)), (
                question.id,
                answer.id,
                target.bounding_box(),
                result(page, question).bounding_box(),
            )
            target.locator("td").click() if question.kind == "multiple" else None  # untick
        # By keyboard: the last answer reached with the arrow keys.
        page.evaluate("window.scrollTo(0, 0)")
        box(page, question).locator("tbody input").first.focus()
        if question.kind == "single":
            page.keyboard.press("Space")
            for _ in shown_order(question)[1:]:
                page.keyboard.press("ArrowDown")
        else:
            page.keyboard.press("End")
            page.keyboard.press("ArrowUp")
            page.keyboard.press("Space")
        last = shown_order(question)[-1]
        expect(row(page, question, last).locator(".you-badge")).to_have_text("Your answer")
        page.wait_for_timeout(500)
        assert in_view(page, row(page, question, last), result(page, question)), question.id
    page.screenshot(path=str(ROOT / f"test-artifacts/screenshots/picked-{width}-{scheme}.png"))
    context.close()


def test_your_benchmark_is_a_table_of_every_answer(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    section = page.locator(f"#your-benchmark--{SURVEY}")
    expect(section).to_be_visible()
    expect(section.locator(".your-benchmark__count")).to_have_text(
        f"You have answered 0 of the {len(survey.questions)} benchmarks on this page."
    )
    presence, effectiveness, uses, investment = (
        next(q for q in survey.questions if q.id == i) for i in ("presence", "effectiveness", "uses", "investment")
    )
    top = shown_order(presence)[0]
    choose(page, presence, top.label)
    choose(page, effectiveness, "None of these")
    picked = [uses.answers[-1]]
    choose(page, uses, picked[0].label)
    expect(section.locator(".your-benchmark__count")).to_have_text(
        f"You have answered 3 of the {len(survey.questions)} benchmarks on this page."
    )
    titles = section.locator("tbody th[scope=row]").all_inner_texts()
    assert titles == [q.title for q in (presence, effectiveness, uses, investment)]  # one row each
    cells = [r.locator("td").all_inner_texts() for r in summary_rows(page).all()]
    # The answer with its share under it, together; then where it stands.
    assert [" ".join(c[0].split()) for c in cells] == [
        f"{top.label} {pct(top.percent)}",
        "None of these",
        f"{picked[0].label} {pct(picked[0].percent)}",
        "Not answered",
    ]
    assert [c[1] for c in cells] == [
        single_sentence(presence, top),
        none_sentence(effectiveness),
        multiple_sentence(uses, picked),
        "",
    ]
    # A small bar under each share, as wide as the share.
    bar = summary_rows(page).first.locator(".your-benchmark__bar > span")
    assert bar.evaluate("el => el.style.width") == f"{top.percent:g}%"
    # Each title leads back to its benchmark's heading.
    href = section.locator("tbody th[scope=row] a").nth(1).get_attribute("href")
    assert href == f"#benchmark-title--{SURVEY}--{effectiveness.id}"


def test_the_address_keeps_the_answers_and_restores_them(browser, visit: Visit, survey):
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(visit.origin + ARTICLE)
    presence, effectiveness, uses, investment = survey.questions
    choose(page, presence, presence.answers[0].label)
    choose(page, effectiveness, "None of these")
    for answer in uses.answers[1:3]:
        choose(page, uses, answer.label)
    page.locator(".your-benchmark__copy").click()
    expect(page.locator(".your-benchmark__status")).to_have_text(
        "Copied. The address opens this page with your answers."
    )
    link = page.evaluate("navigator.clipboard.readText()")
    shown = page.locator(".your-benchmark__link")
    assert link == page.url == shown.get_attribute("href") == shown.inner_text()  # the address, shown
    assert "#answers:" in link
    summary = [r.inner_text() for r in summary_rows(page).all()]

    fresh = browser.new_context(viewport={"width": 375, "height": 667})
    other = fresh.new_page()
    other.goto(link)
    assert [r.inner_text() for r in summary_rows(other).all()] == summary
    expect(result(other, presence)).to_have_text(single_sentence(presence, presence.answers[0]))
    expect(result(other, effectiveness)).to_have_text(none_sentence(effectiveness))
    expect(result(other, uses)).to_have_text(multiple_sentence(uses, uses.answers[1:3]))
    expect(result(other, investment)).to_have_text(prompt(survey, investment))
    checked = other.locator(".benchmark input:checked").evaluate_all("els => els.map(e => e.value)")
    assert checked == [presence.answers[0].id, "", *(a.id for a in shown_order(uses) if a in uses.answers[1:3])]
    # A short notice near the top says so, in the line kept for it: nothing else moves.
    notice = other.locator(".about-figures__you")
    expect(notice).to_have_text("Answers from this link are marked in the charts: see the summary or clear them.")
    assert in_view(other, notice)
    other.get_by_role("link", name="see the summary").click()
    expect(other.locator(f"#your-benchmark--{SURVEY}")).to_be_in_viewport()
    other.evaluate("window.scrollTo(0, 0)")
    # Clearing every answer changes every chart's line at once: none of them is announced (a
    # screen reader would queue four), only the notice that takes the focus is read.
    other.evaluate(
        """() => { window.__announced = [];
        new MutationObserver(records => records.forEach(r => {
            const region = (r.target.nodeType === 1 ? r.target : r.target.parentElement).closest('[role=status]');
            if (region && region.getAttribute('aria-live') !== 'off') window.__announced.push(region.textContent);
        })).observe(document.body, {childList: true, characterData: true, subtree: true}); }"""
    )
    other.get_by_role("button", name="clear them").click()
    assert other.evaluate("window.__announced") == []
    assert other.locator(".benchmark input:checked").count() == 0
    assert "#answers:" not in other.url
    expect(notice).to_contain_text("pick its answer in each chart below")
    fresh.close()


def test_the_shared_link_notice_moves_nothing(browser, site_url, survey):
    """The notice takes the place of the line that says how to answer: the page below it does
    not move."""
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    plain = page.locator(".benchmark").first.bounding_box()["y"]
    choose(page, survey.questions[0], survey.questions[0].answers[0].label)
    page.goto(page.url.replace("#", "?shared#"))  # a fresh load of the link
    assert page.locator(".about-figures__you button").count() == 1
    moved = page.locator(".benchmark").first.bounding_box()["y"] - plain
    assert abs(moved) < 1, moved
    context.close()


def test_following_a_link_on_the_page_keeps_the_answers_in_the_address(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    presence = survey.questions[0]
    choose(page, presence, presence.answers[0].label)
    kept = page.url
    page.locator(".your-benchmark__table tbody th a").nth(1).click()  # to another benchmark's heading
    page.wait_for_function("location.hash.startsWith('#answers:')")
    assert page.url == kept
    # A mail program that encodes the ':' still gives a link that restores the answers.
    page.goto(kept.replace("#answers:", "#answers%3A"))
    expect(result(page, presence)).to_have_text(single_sentence(presence, presence.answers[0]))


def test_an_answer_can_be_cleared(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in survey.questions:
        clear = box(page, question).locator(".pick__clear")
        expect(clear).to_be_hidden()
        choose(page, question, question.answers[0].label)
        expect(result(page, question)).not_to_have_text(prompt(survey, question))
        clear.click()
        expect(result(page, question)).to_have_text(prompt(survey, question))
        expect(clear).to_be_hidden()
        assert box(page, question).locator("input:checked").count() == 0
        assert page.evaluate("document.activeElement.name") == f"pick--{SURVEY}.{question.id}"  # focus stays
    assert "#answers:" not in page.url
    expect(page.locator(".your-benchmark__count")).to_have_text(
        f"You have answered 0 of the {len(survey.questions)} benchmarks on this page."
    )


def test_an_address_that_is_not_ours_is_left_alone(browser, site_url, survey):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    heading = anchor(survey.questions[1])
    page.goto(site_url + ARTICLE + "#" + heading)
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("#" + heading)  # the reader's own link survives the script
    # A mangled or foreign answers address restores nothing and breaks nothing.
    for junk in ["#answers:%E0%A4%A", "#answers:nosuch.q=x&=&a=b", "#answers:" + SURVEY + ".presence=nope"]:
        page.goto(site_url + ARTICLE + junk)
        page.wait_for_load_state("networkidle")
        assert page.locator(".benchmark input:checked").count() == 0
    context.close()
    assert errors == []


def test_nothing_is_sent_once_the_page_has_loaded(visit: Visit, survey):
    page = visit.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(visit.origin + ARTICLE)
    page.wait_for_load_state("networkidle")
    before = len(visit.requests)
    stored = "() => [document.cookie, JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage})]"
    storage = page.evaluate(stored)
    for question in survey.questions:
        for answer in question.answers:
            choose(page, question, answer.label)
    page.locator(".your-benchmark__copy").click()
    expect(page.locator(".your-benchmark__status")).not_to_have_text("")
    page.wait_for_timeout(500)
    sent = [u for u in visit.requests[before:] if not u.startswith("data:")]  # data: is no request
    assert sent == [], sent
    assert page.evaluate(stored) == storage  # nothing stored: the answers live in the address only


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def test_print_my_benchmark_is_one_page_of_answers_source_and_address(browser, site_url, survey):
    context = browser.new_context()
    # The browser's print dialog cannot open headless: record that the page asked for it.
    context.add_init_script(
        "window.print = () => { window.__printed = "
        "document.documentElement.classList.contains('print-my-benchmark'); };"
    )
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    for question in survey.questions:
        choose(page, question, question.answers[0].label)
    page.locator(".your-benchmark__print").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    section = page.locator(f"#your-benchmark--{SURVEY}")
    expect(section).to_be_visible()
    assert summary_rows(page).count() == len(survey.questions)
    text = section.inner_text()
    assert f"Source: {survey.title}, by {survey.source.publisher}" in text
    # The page's address, with the answers in it, written out.
    expect(section.locator(".your-benchmark__link")).to_have_text(page.url)
    expect(page.locator("h1")).to_be_visible()
    for hidden in [".benchmark", ".md-header", ".md-sidebar--primary", ".md-footer", ".your-benchmark__actions"]:
        expect(page.locator(hidden).first).to_be_hidden()
    assert pages(page.pdf(format="A4")) == 1, "my benchmark prints on one A4 page"
    # Printing the article itself shows no choice; the reader answered, so their rows stay
    # marked and their benchmark is printed after the figures, without its buttons.
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    expect(page.locator(".benchmark").first).to_be_visible()
    expect(page.locator(".you-badge").first).to_be_visible()
    expect(section).to_be_visible()
    expect(section.locator(".your-benchmark__actions")).to_be_hidden()
    expect(page.locator(".pick").first).to_be_hidden()
    expect(page.locator(".pick__input").first).to_be_hidden()
    page.pdf(path=str(ROOT / "test-artifacts/article-with-answers.pdf"), format="A4")
    context.close()


def test_the_article_prints_on_at_most_four_pages_with_no_heading_left_alone(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts/article.pdf").write_bytes(pdf)
    assert pages(pdf) <= 4, pages(pdf)
    # No heading, nor the sentence leading into a chart, at the foot of a page: each is kept
    # with what follows it (the print style's break rules, as the layout engine applies them).
    rules = page.evaluate(
        "[...document.querySelectorAll('.md-typeset h2, .md-typeset h3, .benchmark__title')]"
        ".map(h => getComputedStyle(h).breakAfter)"
    )
    assert rules and set(rules) == {"avoid"}, rules
    context.close()


def test_without_javascript_every_figure_shows_and_a_line_says_what_answering_needs(browser, site_url, survey):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + ARTICLE)
    expect(page.locator(f"#your-benchmark--{SURVEY}")).to_be_hidden()
    line = page.locator(".about-figures__you")
    expect(line).to_be_visible()
    expect(line).to_contain_text("needs JavaScript")
    for question in survey.questions:
        expect(page.locator(f"#benchmark-title--{SURVEY}--{question.id}")).to_have_text(question.title)
        expect(box(page, question).locator(".pick")).to_be_hidden()
        assert box(page, question).locator("input").count() == 0
        for answer in question.answers:
            expect(row(page, question, answer)).to_be_visible()
            expect(row(page, question, answer).locator("td")).to_have_text(format_percent(answer.percent))
    context.close()
    assert [u for u in requests if not u.startswith(site_url + "/")] == []


def test_each_figure_reaches_the_accessibility_tree_once_under_a_heading(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in survey.questions:
        tree = page.locator(f"#{anchor(question)}").aria_snapshot()
        # A row's name is the join of its cells (Playwright prints it; a screen reader reads the cells).
        spoken = "\n".join(line for line in tree.splitlines() if not line.lstrip().startswith("- row "))
        assert re.search(rf'heading "{re.escape(question.title)}" \[level=2\]', tree), tree
        assert 'table "' + question.title + '"' in tree, tree  # the table is named by the heading
        for answer in question.answers:
            figure = format_percent(answer.percent)
            same = sum(1 for a in question.answers if a.percent == answer.percent)
            assert len(re.findall(rf"(?<![\d.]){re.escape(figure)}", spoken)) == same, (figure, tree)
        assert "img" not in tree  # the bars are drawing only
        # Each row's choice is named by the row's own words.
        kind = "checkbox" if question.kind == "multiple" else "radio"
        for answer in question.answers:
            assert re.search(rf'{kind} "{re.escape(answer.label)}', tree), (answer.label, tree)


def test_choices_explain_themselves_and_follow_the_scale(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in survey.questions:
        labels = box(page, question).locator("label.pick__choice").all_inner_texts()
        expected = [a.label + (f" {a.detail}" if a.detail else "") for a in shown_order(question)]
        assert [" ".join(t.split()) for t in labels] == [*expected, "None of these"]
        rows = box(page, question).locator("tbody tr").evaluate_all("els => els.map(e => e.id)")
        assert rows == [f"{anchor(question)}--{a.id}" for a in shown_order(question)]


def test_no_caveat_is_said_twice_on_the_page(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    text = page.locator("article, .md-content").first.inner_text()
    sentences = [s.strip() for s in re.split(r"(?<=[.:;])\s+", text) if len(s.split()) >= 4]
    caveat = re.compile(r"not reported|indicative|may not be real|add up|several answers|does not|no sample", re.I)
    caveats = [s for s in sentences if caveat.search(s)]
    assert len(caveats) >= 4  # the page does give its caveats
    repeated = {s for s in caveats if caveats.count(s) > 1}
    assert repeated == set(), repeated
    assert text.count("not reported in the source") <= 1
    assert text.count("may not be real") == 1  # the sample-size warning, once (the summary's is for its print)


@pytest.mark.parametrize("width", [375, 1280])
def test_benchmark_text_grows_with_the_readers_text_size(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + ARTICLE)
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    label = page.locator("tbody th").first
    value = page.locator(".benchmark__value").first
    body = page.locator(".md-content p").first
    before = (label.evaluate(size), value.evaluate(size), body.evaluate(size))
    assert before[0] >= before[2] and before[1] >= before[2], before  # figures at least body size
    # The reader's own text size: Chromium's default font size, as its settings set it.
    page.context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    after = (label.evaluate(size), value.evaluate(size), body.evaluate(size))
    assert after[0] == pytest.approx(2 * before[0], rel=0.05), (before, after)
    assert after[1] == pytest.approx(2 * before[1], rel=0.05), (before, after)
    # ... and the article still fits the screen: nothing of it runs off to the side.
    wide = page.evaluate(
        "[...document.querySelectorAll('.md-content *')]"
        ".filter(e => e.getBoundingClientRect().right > innerWidth + 0.5).map(e => e.tagName + '.' + e.className)"
    )
    assert wide == []
    context.close()


# ---- a second site: ids that are names in JavaScript, questions without a scale ------------------


@pytest.fixture(scope="module")
def fiction(tmp_path_factory):
    fixture = FIXTURES / "fictional-site"
    result = build(make_site(tmp_path_factory.mktemp("fiction"), docs=fixture / "docs", data=fixture / "data"))
    assert result.returncode == 0, result.output
    server = serve(result.site)
    yield next(server)
    server.close()


def test_any_id_works_and_unordered_answers_are_never_ranked(browser, fiction):
    data = load_dataset(FIXTURES / "fictional-site").surveys["lunar-clinics"]
    channels, satisfaction, visits = data.questions
    context = browser.new_context()
    page = context.new_page()
    page.goto(fiction + "/articles/lunar-messaging/")
    odd = next(a for a in channels.answers if a.id == "constructor")
    choose(page, channels, odd.label, "lunar-clinics")
    expect(result(page, channels, "lunar-clinics")).to_have_text(multiple_sentence(channels, [odd]))
    for answer in satisfaction.answers:
        choose(page, satisfaction, answer.label, "lunar-clinics")
        text = single_sentence(satisfaction, answer)
        expect(result(page, satisfaction, "lunar-clinics")).to_have_text(text)
        assert "higher" not in text and "common" not in text
    choose(page, visits, "Weekly", "lunar-clinics")
    weekly = next(a for a in visits.answers if a.id == "weekly")
    expect(result(page, visits, "lunar-clinics")).to_have_text(single_sentence(visits, weekly))
    link = page.url
    assert "lunar-clinics.channels=constructor" in link
    other = context.new_page()
    other.goto(link)
    expect(result(other, channels, "lunar-clinics")).to_have_text(multiple_sentence(channels, [odd]))
    expect(other.locator(".about-figures").first).to_contain_text(f"{data.source.sample_size:,} respondents")
    context.close()
