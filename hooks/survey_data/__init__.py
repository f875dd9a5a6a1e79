"""The data layer: read the YAML under data/, validate it, and hand back typed models.

Knows nothing of HTML or MkDocs. Every mistake in a data file becomes a `Problem`
naming the file, line and column, never a traceback.
"""

from survey_data.errors import DataError, Problem
from survey_data.front_matter import load_front_matter
from survey_data.load import load_dataset
from survey_data.models import Answer, Author, Question, Source, Survey, Takeaway
from survey_data.page_meta import ArticleMeta

__all__ = [
    "Answer",
    "ArticleMeta",
    "Author",
    "DataError",
    "Problem",
    "Question",
    "Source",
    "Survey",
    "Takeaway",
    "load_dataset",
    "load_front_matter",
]
