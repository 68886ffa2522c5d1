"""The README stands alone: it points only inside the repository, and its commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_no_path_leaves_the_repository() -> None:
    assert "../" not in README
    assert "DESIGN.md" not in README  # the project's design notes live outside it; docs/ has what users need


def test_every_file_it_names_is_there() -> None:
    linked = re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", README)
    named = re.findall(r"\b((?:docs|tools|benchmarks|packaging|resources|tests)/[\w./-]*\w)", README)
    assert {"docs/statistics.md", "docs/draw.md"} <= set(linked)
    missing = sorted({path for path in [*linked, *named] if not (ROOT / path).exists()})
    assert missing == []


def test_ci_runs_the_readme_test_command() -> None:
    command = CI.split("# The README's test command:\n", 1)[1].splitlines()[0]
    assert f"```sh\n{command}\n```" in README


def test_the_packages_for_the_tests_are_the_first_the_readme_names() -> None:
    ci = re.search(r"--no-install-recommends \\\n\s+(.*?) >/dev/null", CI, re.S)
    readme = re.search(r"sudo apt-get install (.*?)\n```", README, re.S)
    assert ci is not None
    assert readme is not None
    ci_packages = ci.group(1).split()
    readme_packages = readme.group(1).replace("\\", " ").split()
    assert sorted(readme_packages[: len(ci_packages)]) == sorted(ci_packages)
    assert "libxcb-cursor0" in readme_packages
