"""The reader's "Where are you?" beside each benchmark, and "Your benchmark", clicked and
typed as a reader would in real Chromium. Every expected sentence is built here from data/,
with its own arithmetic, independently of the page's script and of the render layer."""

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


def unreported(question) -> str:
    total = sum(a.percent for a in question.answers)
    if total < 100 - 0.5 * len(question.answers):
        return f" The answers of {pct(100 - total)} of respondents were not reported in the source."
    return ""


def single_sentence(question, answer) -> str:
    if question.scale is None:
        return f"{pct(answer.percent)} of respondents gave the same answer as you." + unreported(question)
    percent = {a.id: a.percent for a in question.answers}
    label = {a.id: a.label for a in question.answers}
    rank = question.scale.index(answer.id)
    above = sum(percent[i] for i in question.scale[rank + 1 :])
    below = sum(percent[i] for i in question.scale[:rank])

    def named(ids):  # a group of more than three answers is counted, not named
        return f"{len(ids)} answers" if len(ids) > 3 else ", ".join(f"“{label[i]}”" for i in reversed(ids))

    higher, lower = named(question.scale[rank + 1 :]), named(question.scale[:rank])
    same = pct(answer.percent)
    if rank == len(question.scale) - 1:
        text = f"Yours is the highest answer on this scale: {same} of respondents gave it, and {pct(below)} a lower one"
        text += f" ({lower})."
    elif rank == 0:
        text = f"Yours is the lowest answer on this scale: {pct(above)} of respondents gave a higher one ({higher}), "
        text += f"and {same} gave yours."
    else:
        text = f"{pct(above)} of respondents gave a higher answer than yours ({higher}), {same} gave yours, "
        text += f"and {pct(below)} a lower one ({lower})."
    return text + unreported(question)


def none_sentence(question) -> str:
    if not unreported(question):
        return (
            "The survey reports no figure for any answer other than these, so there is nothing to compare yours with."
        )
    rest = 100 - sum(a.percent for a in question.answers)
    return (
        f"The survey reports no figure for other answers: the answers of {pct(rest)} of respondents were not "
        "reported, and yours may be among them."
    )


def multiple_sentence(question, chosen, none=False) -> str:
    def shares(answers):
        return "; ".join(f"“{a.label}”, {pct(a.percent)}" for a in answers)

    majority = [a for a in question.answers if a.percent > 50]
    missed = [a for a in majority if a not in chosen]
    if not majority:
        lead = f"Share of respondents who chose each of your answers: {shares(chosen)}. " if chosen else ""
        return lead + "No answer was chosen by more than half of respondents."
    if none or not chosen:
        return f"Chosen by more than half of respondents, but not by you: {shares(majority)}."
    text = f"Share of respondents who chose each of your answers: {shares(chosen)}."
    if not missed:
        return text + " You chose every answer that more than half of respondents chose."
    return text + f" Chosen by more than half of respondents, but not by you: {shares(missed)}."


# ---- the page ----------------------------------------------------------------------------------


def anchor(question, survey_id=SURVEY) -> str:
    return f"benchmark--{survey_id}--{question.id}"


def where(page, question, survey_id=SURVEY):
    return page.locator(f"#where--{survey_id}--{question.id}")


def choose(page, question, label: str, survey_id=SURVEY) -> None:
    where(page, question, survey_id).locator("label.where__choice", has_text=re.compile("^" + re.escape(label))).click()


def result(page, question, survey_id=SURVEY):
    return where(page, question, survey_id).locator(".where__result")


def row(page, question, answer, survey_id=SURVEY):
    return page.locator(f"#{anchor(question, survey_id)}--{answer.id}")


def summary_items(page):
    return page.locator(".your-benchmark__list li")


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
        headers = {a.id: row(page, question, a).locator("th").inner_text() for a in question.answers}
        for answer in question.answers:
            choose(page, question, answer.label)
            expect(result(page, question)).to_have_text(single_sentence(question, answer))
            # Their row is marked in words in its figure's cell; no row's header changes.
            marked = row(page, question, answer)
            expect(marked).to_have_class(re.compile(r"\bis-you\b"))
            expect(marked.locator("td .you-badge")).to_have_text("Your answer")
            assert page.locator(f"#{anchor(question)} tr.is-you").count() == 1
            assert {a.id: row(page, question, a).locator("th").inner_text() for a in question.answers} == headers
        choose(page, question, "None of these")
        expect(result(page, question)).to_have_text(none_sentence(question))
        assert page.locator(f"#{anchor(question)} tr.is-you").count() == 0


def test_every_answer_of_every_one_answer_question_by_keyboard(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in questions(survey, "single"):
        where(page, question).locator("input").first.focus()
        page.keyboard.press("Space")  # selects the focused radio
        order = shown_order(question)
        expect(result(page, question)).to_have_text(single_sentence(question, order[0]))
        for answer in order[1:]:
            page.keyboard.press("ArrowDown")  # moves the choice within the group
            expect(result(page, question)).to_have_text(single_sentence(question, answer))
        page.keyboard.press("ArrowDown")
        expect(result(page, question)).to_have_text(none_sentence(question))


def test_every_answer_of_the_several_answer_question(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in questions(survey, "multiple"):
        chosen = []
        for answer in question.answers:  # tick them one by one, by mouse
            choose(page, question, answer.label)
            chosen.append(answer)
            expect(result(page, question)).to_have_text(multiple_sentence(question, chosen))
            expect(row(page, question, answer).locator(".you-badge")).to_have_text("Your answer")
        choose(page, question, "None of these")  # clears the others: the two exclude each other
        expect(result(page, question)).to_have_text(multiple_sentence(question, [], none=True))
        assert where(page, question).locator("input:checked").count() == 1
        assert page.locator(f"#{anchor(question)} tr.is-you").count() == 0
        # By keyboard: each answer alone, then unticked again, which leaves it unanswered.
        for i, answer in enumerate(shown_order(question)):
            box = where(page, question).locator("input").nth(i)
            box.focus()
            page.keyboard.press("Space")
            expect(result(page, question)).to_have_text(multiple_sentence(question, [answer]))
            assert where(page, question).locator("input[data-none]").is_checked() is False
            page.keyboard.press("Space")
            expect(result(page, question)).to_have_text("")
        index = [q.id for q in survey.questions].index(question.id)
        expect(summary_items(page).nth(index)).to_have_text(f"{question.title}: Not answered yet.")


def test_a_result_is_announced_once_per_change_not_once_per_arrow_key(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    question = next(q for q in questions(survey, "single") if len(q.answers) >= 3)
    status = result(page, question)
    assert status.get_attribute("role") == "status"
    where(page, question).locator("input").first.focus()
    page.keyboard.press("Space")
    expect(status).not_to_have_text("")
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


def test_your_benchmark_gathers_every_answer(visit: Visit, survey):
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
    expect(summary_items(page)).to_have_text(
        [
            f"{presence.title}: You answered “{top.label}”. {single_sentence(presence, top)}",
            f"{effectiveness.title}: You chose none of these. {none_sentence(effectiveness)}",
            f"{uses.title}: {multiple_sentence(uses, picked)}",
            f"{investment.title}: Not answered yet.",
        ]
    )
    # Each line leads back to its benchmark's heading.
    href = summary_items(page).nth(1).locator("a").get_attribute("href")
    assert href == f"#benchmark-title--{SURVEY}--{effectiveness.id}"
    # Never a score: no "most common", no count of popular answers.
    assert "common" not in section.inner_text()


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
    expect(page.locator(".your-benchmark__status")).to_have_text("Link copied. It opens this page with your answers.")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url == page.locator(".your-benchmark__link").get_attribute("href")
    assert "#answers:" in link
    summary = summary_items(page).all_inner_texts()

    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(link)
    expect(summary_items(other)).to_have_text(summary)
    expect(result(other, presence)).to_have_text(single_sentence(presence, presence.answers[0]))
    expect(result(other, effectiveness)).to_have_text(none_sentence(effectiveness))
    expect(result(other, uses)).to_have_text(multiple_sentence(uses, uses.answers[1:3]))
    expect(result(other, investment)).to_have_text("")
    checked = other.locator("fieldset.where input:checked").evaluate_all("els => els.map(e => e.value)")
    assert checked == [presence.answers[0].id, "", *(a.id for a in uses.answers[1:3])]
    fresh.close()


def test_following_a_link_on_the_page_keeps_the_answers_in_the_address(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    presence = survey.questions[0]
    choose(page, presence, presence.answers[0].label)
    kept = page.url
    summary_items(page).nth(1).locator("a").click()  # to another benchmark's heading
    page.wait_for_function("location.hash.startsWith('#answers:')")
    assert page.url == kept
    # A mail program that encodes the ':' still gives a link that restores the answers.
    page.goto(kept.replace("#answers:", "#answers%3A"))
    expect(result(page, presence)).to_have_text(single_sentence(presence, presence.answers[0]))


def test_an_answer_can_be_cleared(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in survey.questions:
        clear = where(page, question).locator(".where__clear")
        expect(clear).to_be_hidden()
        choose(page, question, question.answers[0].label)
        expect(result(page, question)).not_to_have_text("")
        clear.click()
        expect(result(page, question)).to_have_text("")
        expect(clear).to_be_hidden()
        assert where(page, question).locator("input:checked").count() == 0
        assert page.evaluate("document.activeElement.name") == f"where--{SURVEY}--{question.id}"  # focus stays
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
        assert page.locator("fieldset.where input:checked").count() == 0
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
    assert section.locator(".your-benchmark__list li").count() == len(survey.questions)
    text = section.inner_text()
    assert f"Source: {survey.title}, by {survey.source.publisher}" in text
    # The page's address, with the answers in it, printed after the link's words.
    link = section.locator(".your-benchmark__link")
    assert link.get_attribute("href") == page.url
    printed = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert printed == f'": {page.url}"', printed
    expect(section.locator(".your-benchmark__intro")).to_be_hidden()  # "above", "on this page": not on paper
    expect(page.locator("h1")).to_be_visible()
    for hidden in [".benchmark", ".md-header", ".md-sidebar--primary", ".md-footer", ".your-benchmark__actions"]:
        expect(page.locator(hidden).first).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1, "my benchmark prints on one A4 page"
    # Printing the article itself shows no form; the reader answered, so their benchmark is
    # printed after the figures, without its buttons.
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    expect(page.locator(".benchmark").first).to_be_visible()
    expect(section).to_be_visible()
    expect(section.locator(".your-benchmark__actions")).to_be_hidden()
    expect(page.locator("fieldset.where").first).to_be_hidden()
    context.close()


def test_without_javascript_every_figure_shows_and_the_choices_are_hidden(browser, site_url, survey):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + ARTICLE)
    expect(page.locator(f"#your-benchmark--{SURVEY}")).to_be_hidden()
    for question in survey.questions:
        expect(page.locator(f"#benchmark-title--{SURVEY}--{question.id}")).to_have_text(question.title)
        expect(where(page, question)).to_be_hidden()
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


def test_choices_explain_themselves_and_follow_the_scale(visit: Visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    for question in survey.questions:
        labels = where(page, question).locator("label.where__choice").all_inner_texts()
        expected = [a.label + (f" {a.detail}" if a.detail else "") for a in shown_order(question)]
        assert [" ".join(t.split()) for t in labels] == [*expected, "None of these"]
        rows = page.locator(f"#{anchor(question)} tbody tr").evaluate_all("els => els.map(e => e.id)")
        assert rows == [f"{anchor(question)}--{a.id}" for a in shown_order(question)]
        note = where(page, question).locator(".where__note").inner_text()
        assert note.startswith("The source gives no sample size, so these comparisons are indicative")


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
    expect(other.locator(".where__note").first).to_have_text(
        f"Based on {data.source.sample_size:,} respondents: small differences between figures may not be real."
    )
    context.close()
