"""The editor schemas in schemas/ accept the report's own content, read as
YAML 1.2 (as editors read it), and reject what the format rejects."""
import pathlib

import jsonschema
import pytest
from ruamel.yaml import YAML

REPO = pathlib.Path(__file__).resolve().parents[2]
KINDS = {"actors": "actor", "countries": "country", "events": "event", "sources": "source", "pages": "page"}


def _schema(name):
    import json
    schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _yaml():
    """YAML 1.2's core schema, as Dossier reads front matter: a date stays
    text (ruamel's safe loader would make `2021-11-03` a `datetime.date`, a
    YAML 1.1 type the core schema does not have)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda constructor, node: constructor.construct_scalar(node))
    return yaml


def _front_matter(path):
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert text.startswith("---\n"), path
    block = text[4:].split("\n---", 1)[0]
    return _yaml().load(block) or {}


def _content_files():
    for folder, kind in KINDS.items():
        for path in sorted((REPO / "content" / folder).rglob("*.md")):
            if not path.name.startswith((".", "_")):
                # `x.fr.md` translates `x.md`: its own schema.
                yield ("translation" if "." in path.name[:-3] else kind), path


def test_the_report_content_matches_the_schemas():
    validators = {kind: _schema(kind) for kind in set(KINDS.values()) | {"translation"}}
    problems = []
    files = list(_content_files())
    assert len(files) > 50
    for kind, path in files:
        for error in validators[kind].iter_errors(_front_matter(path)):
            problems.append(f"{path.relative_to(REPO)}: {error.json_path}: {error.message}")
    site = _yaml().load((REPO / "content/site.yaml").read_text(encoding="utf-8"))
    problems += [f"site.yaml: {e.message}" for e in _schema("site").iter_errors(site)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("kind,front_matter", [
    ("actor", {"name": "X", "kind": "firm"}),
    ("actor", {"name": "X", "kind": "company", "contries": ["israel"]}),
    ("country", {"name": "Norway", "code": "no"}),
    ("event", {"title": "X", "date": "2021-13", "sources": ["s"]}),
    # An event may have no `sources` field (it can cite its sources in
    # its body): only `dossier check` sees both.
    ("event", {"title": "X", "date": "2021-07", "sources": ["Not a slug"]}),
    ("event", {"date": "2021-07", "sources": ["s"]}),
    ("source", {"title": "X", "publisher": "P", "url": "javascript:alert(1)"}),
    ("page", {"title": "X", "draft": "maybe"}),
    ("source", {"title": "X", "publisher": "P", "url_status": "gone"}),
    ("source", {"title": "X", "publisher": "P", "archive_date": "2021"}),
    ("actor", {"name": "X", "kind": "company", "moved_from": ["Bad_Slug"]}),
    ("site", {"title": "T", "description": "D", "language": "en", "link_check_skip": ["https://x.example/"]}),
    ("site", {"title": "T", "description": "D", "languages": ["en", "en"]}),
    ("site", {"title": "T", "description": "D"}),
    ("translation", {"title": "X", "date": "2021-07-18"}),
    ("translation", {"summary": "No title."}),
])
def test_the_schemas_reject_invalid_front_matter(kind, front_matter):
    assert list(_schema(kind).iter_errors(front_matter))


@pytest.mark.parametrize("kind,front_matter", [
    ("source", {"title": "X", "publisher": "P", "url": "https://a.example/x", "archive_url": "https://b.example/x",
                "archive_date": "2021-07-18", "url_status": "dead"}),
    ("page", {"title": "X", "moved_from": ["old-slug", "older"]}),
    ("site", {"title": "T", "description": "D", "language": "en", "link_check_skip": ["paywall.example"]}),
])
def test_the_schemas_accept_archives_renames_and_skipped_hosts(kind, front_matter):
    assert not list(_schema(kind).iter_errors(front_matter))


def test_norway_stays_a_string_in_yaml_1_2():
    data = YAML(typ="safe", pure=True).load("name: Norway\ncode: NO\n")
    assert not list(_schema("country").iter_errors(data))
