"""The reader's self-assessment, clicked and typed as a reader would, in real Chromium.
Expected sentences are built here from data/, independently of the page's script."""

from __future__ import annotations

import pytest
from conftest import ROOT

from survey_data import load_dataset
from survey_render import format_percent

ARTICLE = "/articles/social-healthcare-how-do-you-stack-up/"
SURVEY = "ubm-social-healthcare"


@pytest.fixture(scope="module")
def survey():
    return load_dataset(ROOT).surveys[SURVEY]


def q(survey, question_id):
    return next(x for x in survey.questions if x.id == question_id)


def a(question, answer_id):
    return next(x for x in question.answers if x.id == answer_id)


def most_common(question):
    return max(question.answers, key=lambda x: x.percent)  # first of equals, as in data order


def single_result(question, answer) -> str:
    text = f"You are with the {format_percent(answer.percent)} of respondents who answered “{answer.label}”."
    top = most_common(question)
    if answer.percent == top.percent:
        return text + " That is the most common answer."
    return text + f" The most common answer was “{top.label}” ({format_percent(top.percent)})."


def multiple_result(question, chosen) -> str:
    parts = [f"Like {format_percent(chosen[0].percent)} of respondents, you chose “{chosen[0].label}”"]
    parts += [f"like {format_percent(c.percent)}, “{c.label}”" for c in chosen[1:]]
    text = "; ".join(parts) + "."
    rest = [x for x in question.answers if x not in chosen]
    if rest:
        missed = max(rest, key=lambda x: x.percent)
        text += f" You did not choose “{missed.label}”, chosen by {format_percent(missed.percent)} of respondents."
    return text


def status(page, question_id):
    return page.locator(f'fieldset[data-question="{question_id}"] [role="status"]')


def choose(page, question_id, label):
    page.locator(f'fieldset[data-question="{question_id}"] label', has_text=label).click()


def test_every_question_answered_by_clicking(visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    section = page.locator(f"#self-assessment-{SURVEY}")
    section.scroll_into_view_if_needed()
    assert section.is_visible()
    assert page.locator(".self-assessment__overall").inner_text() == (
        "You have not answered any question yet, so there is nothing to compare."
    )

    presence, effectiveness, uses = q(survey, "presence"), q(survey, "effectiveness"), q(survey, "uses")
    investment = q(survey, "investment")

    choose(page, "presence", a(presence, "good-deal-of-activity").label)
    assert status(page, "presence").inner_text() == single_result(presence, a(presence, "good-deal-of-activity"))

    choose(page, "effectiveness", a(effectiveness, "effective-room-to-improve").label)
    expected = single_result(effectiveness, a(effectiveness, "effective-room-to-improve"))
    assert status(page, "effectiveness").inner_text() == expected
    assert expected.endswith("That is the most common answer.")

    chosen = [a(uses, "attract-patients"), a(uses, "schedule-appointments")]
    for answer in chosen:
        choose(page, "uses", answer.label)
    assert status(page, "uses").inner_text() == multiple_result(uses, chosen)

    # Their own row is marked in the table (with words, not colour alone) and in the chart.
    row = page.locator(f"#benchmark-{SURVEY}-presence-good-deal-of-activity")
    assert "is-you" in row.get_attribute("class")
    assert row.locator(".you-badge").inner_text() == "Your answer"
    assert page.locator(f"#benchmark-{SURVEY}-presence-some-presence .you-badge").count() == 0
    assert "is-you" in page.locator(f"#chart-{SURVEY}-uses-schedule-appointments").get_attribute("class")
    assert "is-you" not in (page.locator(f"#chart-{SURVEY}-uses-gather-data").get_attribute("class") or "")

    summary = page.locator(".self-assessment__summary-list li").all_inner_texts()
    good = a(presence, "good-deal-of-activity")
    room = a(effectiveness, "effective-room-to-improve")
    assert summary == [
        f"{presence.title}: “{good.label}”, with {format_percent(good.percent)} of respondents.",
        f"{effectiveness.title}: “{room.label}”, with {format_percent(room.percent)} of respondents, "
        "the most common answer.",
        f"{uses.title}: you chose 2 of {len(uses.answers)}: "
        + ", ".join(f"“{c.label}” ({format_percent(c.percent)})" for c in chosen)
        + ".",
        f"{investment.title}: not answered.",
    ]
    assert page.locator(".self-assessment__overall").inner_text() == (
        "You answered 3 of 4 questions. You gave the most common answer to 1 of the 2 "
        "one-answer questions you answered."
    )

    # Unticking every use says so rather than guessing.
    for answer in chosen:
        choose(page, "uses", answer.label)
    assert status(page, "uses").inner_text() == "You have not chosen any answer to this question."
    assert page.locator(".self-assessment__summary-list li").nth(2).inner_text() == f"{uses.title}: none chosen."


def test_keyboard_only(visit, survey):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    first = page.locator(f'input[name="{SURVEY}-presence"]').first
    first.focus()
    page.keyboard.press("Space")  # selects the focused radio
    presence = q(survey, "presence")
    assert status(page, "presence").inner_text() == single_result(presence, presence.answers[0])
    page.keyboard.press("ArrowDown")  # arrow keys move the choice within the group
    assert status(page, "presence").inner_text() == single_result(presence, presence.answers[1])
    page.keyboard.press("Tab")  # to the next group
    page.keyboard.press("Space")
    effectiveness = q(survey, "effectiveness")
    assert status(page, "effectiveness").inner_text() == single_result(effectiveness, effectiveness.answers[0])
    page.keyboard.press("Tab")  # into the checkboxes
    page.keyboard.press("Space")
    uses = q(survey, "uses")
    assert status(page, "uses").inner_text() == multiple_result(uses, [uses.answers[0]])
    focused = page.evaluate("document.activeElement.value")
    assert focused == uses.answers[0].id


def test_results_are_announced_and_controls_are_big_enough(visit):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    fieldsets = page.locator(".self-assessment fieldset")
    assert fieldsets.count() == 4
    for i in range(fieldsets.count()):
        assert fieldsets.nth(i).locator('[role="status"]').count() == 1
    for input_ in page.locator(".self-assessment input").all():
        box = input_.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box


def test_without_javascript_every_figure_shows_and_the_form_is_hidden(browser, site_url, survey):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + ARTICLE)
    assert not page.locator(f"#self-assessment-{SURVEY}").is_visible()
    for question in survey.questions:
        assert page.locator(f"#chart-{SURVEY}-{question.id}").is_visible()
        for answer in question.answers:
            row = page.locator(f"#benchmark-{SURVEY}-{question.id}-{answer.id}")
            assert row.is_visible()
            assert row.locator("td").inner_text() == format_percent(answer.percent)
    context.close()
    assert [u for u in requests if not u.startswith(site_url + "/")] == []


def test_the_page_embeds_its_data_safely(visit):
    page = visit.page
    page.goto(visit.origin + ARTICLE)
    data = page.evaluate("JSON.parse(document.querySelector('script.self-assessment__data').textContent)")
    assert data["survey"] == SURVEY
    assert page.locator("script.self-assessment__data").get_attribute("type") == "application/json"
    # The script is a file, not inline: a strict Content Security Policy stays possible.
    inline = page.evaluate(
        "[...document.querySelectorAll('script:not([src])')]"
        ".filter(s => s.type !== 'application/json').map(s => s.textContent)"
    )
    scripts = page.evaluate("[...document.querySelectorAll('script[src]')].map(s => s.getAttribute('src'))")
    assert any(s.endswith("assets/javascripts/self-assessment.js") for s in scripts)
    assert inline, "Material's own inline scripts are expected; ours must not be among them"
    assert not any("self-assessment" in code or "fieldset" in code for code in inline)
