"""The CI workflow is valid YAML and calls only commands the README documents."""
import pathlib
import re

import yaml

REPO = pathlib.Path(__file__).resolve().parents[2]


def _commands(run: str):
    for line in run.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for part in re.split(r"&&|\|\||;|\(|\)", line):
            words = part.strip().split()
            if not words:
                continue
            yield " ".join(words[:2]) if words[0].endswith("dossier") else words[0]


def test_workflow_is_valid_and_uses_documented_commands():
    workflow = yaml.safe_load((REPO / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert runs, "the workflow runs nothing"
    allowed_shell = {"cd", "git", "swift"}  # plumbing around the documented commands
    undocumented = []
    for run in runs:
        for command in _commands(run):
            if command in allowed_shell:
                continue
            name = command.replace(".build/release/", "")
            if name not in readme:
                undocumented.append(command)
    assert not undocumented, f"commands the README does not document: {undocumented}"
    assert "dossier diff" in readme and "scripts/test" in readme and "scripts/build" in readme
