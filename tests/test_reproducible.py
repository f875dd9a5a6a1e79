"""Two builds of the same commit are byte-identical, so a reviewer can diff the output of a
pull request. Dates come from SOURCE_DATE_EPOCH (the Makefile sets it from the last commit)."""

from __future__ import annotations

from conftest import build, make_site


def test_two_builds_are_byte_identical(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    sites = []
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        result = build(make_site(tmp_path / name), extra_env=env)
        assert result.returncode == 0, result.output
        sites.append(result.site)
    files = [sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file()) for site in sites]
    assert files[0] == files[1]
    assert len(files[0]) > 20
    different = [f for f in files[0] if (sites[0] / f).read_bytes() != (sites[1] / f).read_bytes()]
    assert different == []
    assert "<lastmod>2023-11-14</lastmod>" in (sites[0] / "sitemap.xml").read_text(encoding="utf-8")


def test_the_order_of_the_hooks_list_changes_nothing(tmp_path):
    """Where two hook modules must run in an order, their events say so (event_priority): the
    list in mkdocs.yml, reversed, builds the same bytes."""
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    sites = []
    for name in ("listed", "reversed"):
        (tmp_path / name).mkdir()
        root = make_site(tmp_path / name)
        if name == "reversed":
            settings = (root / "mkdocs.yml").read_text(encoding="utf-8")
            start = settings.index("hooks:\n") + len("hooks:\n")
            end = settings.index("\n\n", start)
            hooks = settings[start:end].split("\n")
            assert len(hooks) == 4
            (root / "mkdocs.yml").write_text(settings[:start] + "\n".join(reversed(hooks)) + settings[end:])
        result = build(root, extra_env=env)
        assert result.returncode == 0, result.output
        sites.append(result.site)
    files = sorted(p.relative_to(sites[0]) for p in sites[0].rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(sites[1]) for p in sites[1].rglob("*") if p.is_file())
    assert [f for f in files if (sites[0] / f).read_bytes() != (sites[1] / f).read_bytes()] == []
