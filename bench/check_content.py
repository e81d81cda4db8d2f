#!/usr/bin/env python3
"""Quick self-check of a tree written by gen.py against content-format.md.

    python3 bench/check_content.py DIR

Checks what the generator could get wrong: allowed and required fields per kind, slugs
(form, unique per kind across sub-folders), ISO codes, dates, enumerations, front-matter
references and `kind:slug` body links. It reads only the YAML subset gen.py writes
(`key: value`, `key: [a, b]`, a block list of `- k: v` mappings, JSON-quoted strings);
it is not a YAML parser and not a substitute for `dossier check`.
"""

import json
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import COUNTRIES, KIND_DIR  # noqa: E402  (the embedded ISO list)

ALLOWED = {  # field -> required?
    "actor": {"name": 1, "kind": 1, "role": 0, "countries": 0, "affiliations": 0, "aliases": 0,
              "summary": 0, "updates": 0, "draft": 0},
    "country": {"name": 1, "code": 1, "region": 0, "summary": 0, "draft": 0},
    "event": {"title": 1, "date": 1, "end_date": 0, "actors": 0, "countries": 0, "sources": 1,
              "status": 0, "summary": 0, "updates": 0, "draft": 0},
    "source": {"title": 1, "publisher": 1, "date": 0, "kind": 0, "url": 0, "archive_url": 0,
               "accessed": 0, "language": 0, "authors": 0, "draft": 0},
    "page": {"title": 1, "summary": 0, "draft": 0},
}
REFS = {"actors": "actor", "countries": "country", "affiliations": "actor", "sources": "source"}
ENUMS = {("actor", "kind"): {"person", "company", "government", "agency", "organization", "media", "group"},
         ("event", "status"): {"confirmed", "reported", "alleged", "disputed", "denied"},
         ("source", "kind"): {"article", "report", "statement", "dataset", "filing", "other"}}
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
BODY_LINK = re.compile(r"\]\((actor|country|event|source|page):([^)#\s]+)(#[^)\s]*)?\)")
ISO = {code for code, _ in COUNTRIES}


def scalar(text):
    text = text.strip()
    return json.loads(text) if text.startswith('"') else text


def front_matter(text):
    """(fields, body) for the subset gen.py writes."""
    head, body = text.removeprefix("---\n").split("\n---\n", 1)
    fields, current = {}, None
    for line in head.split("\n"):
        if line.startswith("  - "):  # new mapping in a block list
            current = {}
            fields[last].append(current)
            line = line[4:]
        elif line.startswith("    "):
            line = line[4:]
        else:
            current = None
        key, _, value = line.partition(":")
        if current is not None:
            current[key] = scalar(value)
        elif not value.strip():
            fields[key], last = [], key
        elif value.strip().startswith("["):
            items = re.findall(r'\s*("(?:[^"\\]|\\.)*"|[^,]+)', value.strip()[1:-1])
            fields[key] = [scalar(v) for v in items]
        else:
            fields[key] = scalar(value)
    return fields, body


def main(root):
    errors, records = [], {}
    for kind, folder in KIND_DIR.items():
        records[kind] = {}
        for directory, _, names in sorted(os.walk(os.path.join(root, folder))):
            for name in sorted(names):
                path = os.path.join(directory, name)
                slug = name.removesuffix(".md")
                if not name.endswith(".md") or not SLUG.fullmatch(slug):
                    errors.append(f"{path}: bad file name")
                if slug in records[kind]:
                    errors.append(f"{path}: duplicate {kind} slug")
                with open(path, encoding="utf-8") as f:
                    records[kind][slug] = (path, *front_matter(f.read()))
    for kind, by_slug in records.items():
        for slug, (path, fields, body) in by_slug.items():
            def err(message):
                errors.append(f"{path}: {message}")
            for field, required in ALLOWED[kind].items():
                if required and not fields.get(field):
                    err(f"missing {field}")
            for field, value in fields.items():
                if field not in ALLOWED[kind]:
                    err(f"unknown field {field}")
                if field in REFS and kind != "page":
                    for ref in value:
                        if ref not in records[REFS[field]]:
                            err(f"unknown {REFS[field]} {ref!r}")
                if (kind, field) in ENUMS and value not in ENUMS[(kind, field)]:
                    err(f"bad {field} {value!r}")
                if field in ("date", "end_date", "accessed") and not DATE.fullmatch(value):
                    err(f"bad {field} {value!r}")
            if kind == "country" and fields.get("code") not in ISO:
                err(f"code {fields.get('code')!r} is not ISO 3166-1 alpha-2")
            if "end_date" in fields and fields["end_date"] < fields["date"]:
                err("end_date before date")
            for update in fields.get("updates", []):
                if set(update) != {"date", "note"} or not DATE.fullmatch(update["date"]):
                    err(f"bad update {update!r}")
            for m in BODY_LINK.finditer(body):
                if m.group(2) not in records[m.group(1)]:
                    err(f"body links to unknown {m.group(1)} {m.group(2)!r}")
    if not os.path.isfile(os.path.join(root, "site.yaml")):
        errors.append(f"{root}/site.yaml: missing")
    for line in errors[:50]:
        print(line)
    counts = ", ".join(f"{len(v)} {KIND_DIR[k]}" for k, v in records.items())
    print(f"check_content.py: {counts}; {len(errors)} problem(s)", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
