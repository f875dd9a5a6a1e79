"""What a data file may contain. The same models validate the YAML on every build and
generate the JSON Schema in schema/ that editors use while a writer types."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from survey_data.text import LongText, Text

# Limits, documented in CONTRIBUTING.md: far above any real survey (a text's are in
# survey_data.text).
MAX_QUESTIONS = 100
MAX_ANSWERS = 50
MAX_ENTRIES = 1_000  # authors, takeaways

# Strict: a percent typed as "53%" or a label typed as a bare number is an error, not a guess.
STRICT = ConfigDict(extra="forbid", frozen=True, strict=True)

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="Lower-case letters, digits and hyphens, e.g. 'good-deal'. Used in placeholders."),
]


def _decimals(value: float) -> float:
    if round(value, 6) != value:  # 5e-324 would print as 325 characters
        raise PydanticCustomError("percent_decimals", "has more than 6 decimal places; round it")
    return value


Percent = Annotated[
    float, Field(ge=0, le=100, description="Share of respondents, 0-100, a plain number."), AfterValidator(_decimals)
]

Url = Annotated[
    # Only the characters an address may hold (RFC 3986): nothing to escape in any output.
    str,
    StringConstraints(pattern=r"^https://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$", max_length=2000),
]
RespondentCount = Annotated[int, Field(gt=0)]


# Rounded shares may add up to a little over or under 100: each answer is off by at most half a point.
ROUNDING_PER_ANSWER = 0.5


class Answer(BaseModel):
    model_config = STRICT
    id: Id
    label: Text = Field(description="The answer as the source reports it, e.g. 'Some presence'.")
    detail: Text | None = Field(None, description="What the answer means, where the source explains it.")
    percent: Percent


class Question(BaseModel):
    model_config = STRICT
    id: Id
    title: Text = Field(description="Short caption of the benchmark, e.g. 'Social media presence'.")
    headline: Text | None = Field(
        None,
        description=(
            "A heading that states the finding in words, e.g. 'Most plan to grow their use'; the title is then "
            "shown under it. No figures: every number comes from the answers."
        ),
    )
    wording: Text | None = Field(
        None, description="The exact question asked, only where the source reports it. Leave out otherwise."
    )
    kind: Literal["single", "multiple"] = Field(
        description="'single': one answer per respondent; 'multiple': several answers allowed."
    )
    answers: list[Answer] = Field(min_length=1, max_length=MAX_ANSWERS)
    base: Text | None = Field(
        None, description="Whom this question's percentages are shares of, where it differs from the survey's."
    )
    sample_size: RespondentCount | None = Field(
        None, description="Number of respondents to this question, where the source gives it."
    )
    scale: list[Id] | None = Field(
        None,
        min_length=2,
        max_length=MAX_ANSWERS,
        description=(
            "Only where the answers form an ordered scale: every answer id once, from the lowest to the "
            "highest. The site then shows the answers in that order and tells a reader how many "
            "respondents stand above and below them. Leave out for unordered answers."
        ),
    )

    @property
    def total(self) -> float:
        return round(sum(a.percent for a in self.answers), 9)  # a sum of rounded figures: no float noise

    @property
    def rounding_slack(self) -> float:
        return ROUNDING_PER_ANSWER * len(self.answers)

    @property
    def unreported(self) -> float | None:
        """The share of respondents the source gives no figure for (single-answer only)."""
        if self.kind == "single" and self.total < 100 - self.rounding_slack:
            return round(100 - self.total, 9)
        return None

    @property
    def shown_answers(self) -> list[Answer]:
        """The answers in the order readers see them: an ordered scale from the highest down
        (so that "above" on the page is "above" on the scale), otherwise as published."""
        if self.scale is None:
            return list(self.answers)
        by_id = {a.id: a for a in self.answers}
        return [by_id[answer_id] for answer_id in reversed(self.scale)]

    def around(self, answer: Answer) -> tuple[float, float]:
        """(share above, share below) `answer` on the question's scale; only for a scale."""
        assert self.scale is not None, "only an ordered scale has an above and a below"
        rank = self.scale.index(answer.id)
        by_id = {a.id: a.percent for a in self.answers}
        above = sum(by_id[i] for i in self.scale[rank + 1 :])
        below = sum(by_id[i] for i in self.scale[:rank])
        # Sums of rounded figures: no float noise, and never more than everyone (34 + 34 + 34 is 102).
        return min(round(above, 9), 100), min(round(below, 9), 100)


class Licence(BaseModel):
    model_config = STRICT
    title: Text = Field(description="The licence's name as the source gives it, e.g. 'CC BY 4.0'.")
    url: Url = Field(description="Where the licence's text is, https://...")


# Each field below is one of the items the AAPOR Transparency Initiative (Code of Professional
# Ethics and Practices, revised 2021) asks a survey to disclose. Every one is optional: leave a
# field out when the source does not say, and the site says "not reported in the source".
class Source(BaseModel):
    model_config = STRICT
    publisher: Text = Field(description="Who conducted the survey (the organisation).")
    sponsor: Text | None = Field(None, description="Who paid for the survey, where the source says.")
    title: Text | None = Field(None, description="Title of the original report, where known.")
    url: Url | None = Field(None, description="Link to the original report, https://..., where known.")
    population: Text | None = Field(None, description="Who was asked (the population), where the source says.")
    base: Text | None = Field(
        None,
        description=(
            "Whom the percentages are shares of, e.g. 'organisations with a social media presence', where the "
            "source says. A question may give its own."
        ),
    )
    sampling: Literal["probability", "opt-in"] | None = Field(
        None,
        description=(
            "How respondents were chosen, where the source says: 'probability' (drawn at random from the "
            "population) or 'opt-in' (whoever chose to answer an invitation or a link)."
        ),
    )
    sampling_detail: Text | None = Field(None, description="More on how the sample was drawn, as the source says.")
    mode: Text | None = Field(
        None, description="How answers were collected, e.g. 'online questionnaire', where the source says."
    )
    sample_size: RespondentCount | None = Field(None, description="Number of respondents, where known.")
    fieldwork: Text | None = Field(None, description="When the survey ran (fieldwork dates), where the source says.")
    weighting: Text | None = Field(
        None, description="Whether and how the figures were weighted, as the source says, e.g. 'not weighted'."
    )
    margin_of_error: Text | None = Field(
        None,
        description=(
            "The margin of sampling error exactly as the source gives it, e.g. '±3 percentage points at 95% "
            "confidence'. Only for a probability sample; never work one out yourself."
        ),
    )
    reported_in: Text | None = Field(None, description="Where these figures were published.")
    licence: Licence | None = Field(None, description="The licence of the figures, where the source states one.")


def _sentence_case(value: object) -> object:
    """'Your organisation' as the writer meant it: the prompts use it mid-sentence."""
    return "y" + value[1:] if isinstance(value, str) and value.startswith("Y") else value


AnswersFor = Annotated[
    str,
    # "Your organisation" is what the writer meant: the prompts use it mid-sentence, in lower case.
    StringConstraints(strip_whitespace=True, pattern=r"^[Yy]ou(r [^\s].*)?$", max_length=60),
    AfterValidator(_sentence_case),
    Field(description="'you', or 'your ' and a noun: 'your organisation', 'your practice'."),
]


class Survey(BaseModel):
    model_config = STRICT
    title: Text
    answers_for: AnswersFor = Field(
        "you",
        description=(
            "Whom each answer speaks for, as the site's prompts name the reader: 'your organisation' for a "
            "survey of organisations, 'your practice', or 'you' (the default) for a survey of people."
        ),
    )
    source: Source
    questions: list[Question] = Field(min_length=1, max_length=MAX_QUESTIONS)


class Author(BaseModel):
    model_config = STRICT
    id: Id
    name: Text
    bio: LongText


class Takeaway(BaseModel):
    model_config = STRICT
    id: Id
    label: Text = Field(description="The callout's heading, e.g. 'Doctor Takeaway'.")
    title: Text
    body: LongText = Field(description="Plain text; a blank line starts a new paragraph.")

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]


class AuthorsFile(BaseModel):
    model_config = STRICT
    authors: list[Author] = Field(min_length=1, max_length=MAX_ENTRIES)


class TakeawaysFile(BaseModel):
    model_config = STRICT
    takeaways: list[Takeaway] = Field(min_length=1, max_length=MAX_ENTRIES)
