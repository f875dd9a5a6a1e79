"""Write the JSON Schema of each kind of data file, from the same models that validate it.

    PYTHONPATH=hooks python -m survey_data.schema schema/

Editors (VS Code's YAML extension, JetBrains) read the `# yaml-language-server: $schema=`
line at the top of each data file and then validate and autocomplete as a writer types.
tests/test_consistency.py fails when the committed files are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from survey_data.models import AuthorsFile, Survey, TakeawaysFile

SCHEMAS: dict[str, type[BaseModel]] = {
    "survey.schema.json": Survey,
    "authors.schema.json": AuthorsFile,
    "takeaways.schema.json": TakeawaysFile,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, model in SCHEMAS.items():
        (out / name).write_text(schema_text(model), encoding="utf-8")
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "schema")
