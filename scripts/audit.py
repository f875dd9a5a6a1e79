"""make audit: Lighthouse 12.2.3 (mobile preset, Debian's Chromium) on every page of the
built site, served with gzip on 127.0.0.1; then the article beside a default Material page
of the same text. Prints the four scores per page and the transfer sizes. Measures only:
nothing here passes or fails on a number (tests assert the deterministic categories)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "scripts")]

from gzip_server import free_port, serve_gzip  # noqa: E402

import shortcodes  # noqa: E402
from placeholder_context import Context  # noqa: E402
from survey_data import load_dataset  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
REPORTS = ROOT / "audit-reports"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --disable-quic --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
ARTICLE = "articles/social-healthcare-how-do-you-stack-up/"


def mkdocs_build(config_dir: Path, out: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=config_dir,
        env=env,
        check=True,
    )


def lighthouse(url: str, name: str, categories: list[str] = CATEGORIES) -> dict:
    """Run Lighthouse on `url`; return its JSON report (also kept in audit-reports/)."""
    REPORTS.mkdir(exist_ok=True)
    report = REPORTS / f"{name}.json"
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(categories)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")},
        check=True,
        timeout=300,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def scores(report: dict) -> dict[str, int]:
    return {c: round(report["categories"][c]["score"] * 100) for c in report["categories"]}


def transfer_bytes(report: dict) -> int:
    return int(report["audits"]["total-byte-weight"]["numericValue"])


def default_material_site(folder: Path) -> Path:
    """The article's text and tables (placeholders expanded the same way) in a Material site
    with default settings: the page a plain `mkdocs new` + Material would give."""
    dataset = load_dataset(ROOT)
    source = (ROOT / "docs" / ARTICLE.rstrip("/")).with_suffix(".md").read_text(encoding="utf-8")
    body = source.split("---", 2)[2]
    markdown, problems = shortcodes.expand(body, "article", 0, Context(dataset))
    assert not problems, problems
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Social Healthcare: How Do You Stack Up?\n" + markdown)
    (folder / "mkdocs.yml").write_text(
        "site_name: Social Healthcare\ntheme:\n  name: material\nmarkdown_extensions: [md_in_html]\n"
    )
    return folder


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        port = free_port()
        mkdocs_build(ROOT, tmp / "site", f"http://127.0.0.1:{port}/")
        with serve_gzip(tmp / "site", port) as origin:
            for path, name in [("", "home"), (ARTICLE, "article"), ("404.html", "404")]:
                report = lighthouse(f"{origin}/{path}", name)
                rows.append((name, scores(report), transfer_bytes(report)))
        plain = default_material_site(tmp / "plain")
        mkdocs_build(plain, tmp / "plain-site", "http://127.0.0.1/")
        with serve_gzip(tmp / "plain-site") as origin:
            report = lighthouse(f"{origin}/", "default-material-article")
            rows.append(("default Material, same article", scores(report), transfer_bytes(report)))

    print(f"\nLighthouse 12.2.3, mobile preset, gzip on 127.0.0.1 (reports in {REPORTS.relative_to(ROOT)}/)")
    header = f"{'page':32} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5} {'transfer (bytes)':>17}"
    print(header)
    print("-" * len(header))
    for name, s, size in rows:
        print(
            f"{name:32} {s['performance']:>5} {s['accessibility']:>5} {s['best-practices']:>5} {s['seo']:>5} "
            f"{size:>17,}"
        )
    ours = next(size for name, _, size in rows if name == "article")
    plain = rows[-1][2]
    print(f"\narticle transfer size: {ours:,} bytes vs {plain:,} for default Material ({ours / plain:.2f}x)")


if __name__ == "__main__":
    main()
