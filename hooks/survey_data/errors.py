"""How the project reports a writer's mistake: one line, `file:line:col: where: what`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str  # path as the writer knows it, relative to the project: data/surveys/x.yml
    line: int | None  # 1-based
    column: int | None  # 1-based
    where: str  # field path (questions[0].answers[1].percent) or placeholder; may be ""
    message: str  # what is wrong, and where possible how to fix it

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        return f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"


class DataError(Exception):
    """One or more problems found in the writer's files; str() is the report."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
