"""Release metadata as catalogue tools and loaders see it: frictionless, Hugging Face datasets,
pandas straight from the archives, CITATION.cff and the content fingerprint."""
import hashlib
import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from test_release import DIST, FORMATS, RELEASE, TABLES, read_jsonl


V2_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def load_package(folder):
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_frictionless_validates_the_extracted_package(extracted, fmt):
    import frictionless
    report = frictionless.validate(str(extracted[fmt] / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # Every table twice: the CSV file and the JSONL file, each read and checked row by row.
    assert sorted(task.name for task in report.tasks) == sorted(list(TABLES) + [f"{t}-jsonl" for t in TABLES])
    assert all(task.stats["rows"] > 0 for task in report.tasks)


def test_datapackage_is_v2_with_keys_types_and_hashes(extracted):
    package = load_package(extracted["zip"])
    assert package["$schema"] == V2_PROFILE and "profile" not in package
    assert package["version"] == RELEASE.rsplit("-", 1)[1]
    assert all(c["roles"] == ["creator"] and "role" not in c for c in package["contributors"])
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(TABLES) | {f"{t}-jsonl" for t in TABLES}
    for name, key in TABLES.items():
        for resource, suffix in [(resources[name], "csv"), (resources[f"{name}-jsonl"], "jsonl")]:
            assert resource["type"] == "table" and "profile" not in resource
            assert resource["path"] == f"data/{name}.{suffix}"
            assert resource["schema"]["primaryKey"] == key
            data = (extracted["zip"] / resource["path"]).read_bytes()
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
            assert resource["bytes"] == len(data)
        assert resources[f"{name}-jsonl"]["mediatype"] == "application/jsonlines"
        # One schema for both files.
        assert resources[name]["schema"]["fields"] == resources[f"{name}-jsonl"]["schema"]["fields"]
    keys = resources["mentions"]["schema"]["foreignKeys"]
    assert keys == [{"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}},
                    {"fields": ["sentence_id"], "reference": {"resource": "sentences", "fields": ["sentence_id"]}}]
    assert {k["reference"]["resource"] for k in resources["mentions-jsonl"]["schema"]["foreignKeys"]} == {"documents-jsonl", "sentences-jsonl"}
    fields = {t: {f["name"]: f for f in resources[t]["schema"]["fields"]} for t in TABLES}
    assert fields["documents"]["published"]["type"] == "date" and fields["documents"]["n_sentences"]["type"] == "integer"
    for table, column in [("documents", "authors"), ("stances", "rules")]:
        assert fields[table][column]["type"] == "list"
        assert fields[table][column]["delimiter"] == "; " and fields[table][column]["itemType"] == "string"
    assert fields["stances"]["cues"]["type"] == "array" and fields["stances"]["score"]["type"] == "integer"
    assert fields["stances"]["label"]["categories"] == ["favor", "against", "none"]
    assert fields["documents"]["japan_dprk_dialogue_stance"]["categories"] == ["favor", "against", "none"]
    assert fields["mentions"]["type"]["categories"] == ["PERSON", "GPE", "ORG", "NORP", "EVENT"]
    reasons = fields["removed"]["reason"]["categories"]
    assert reasons == sorted(reasons) and {"headline", "correction", "byline"} <= set(reasons)
    assert {r["reason"] for r in read_jsonl(extracted["zip"], "removed")} <= set(reasons)


def card_schema(folder):
    """table → column → the card's 'may be missing' (yes/no)."""
    card = (folder / "README.md").read_text(encoding="utf-8")
    tables, table = {}, None
    for line in card.splitlines():
        if line.startswith("### `") and "rows)" in line:
            table = line.split("`")[1]
            tables[table] = {}
        elif table and line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            tables[table][cells[0].strip("`")] = cells[2]
        elif line.startswith("## ") and tables:
            table = None
    return tables


def test_required_is_what_the_card_says_may_not_be_missing(extracted):
    folder = extracted["zip"]
    schema = card_schema(folder)
    assert sorted(schema) == sorted(TABLES)
    for resource in load_package(folder)["resources"]:
        for field in resource["schema"]["fields"]:
            missing = schema[resource["name"].removesuffix("-jsonl")][field["name"]]
            required = field.get("constraints", {}).get("required", False)
            assert required == (missing == "no"), (resource["name"], field["name"])
            # A value that may not be missing has no missing values: an empty field is a value.
            assert (field.get("missingValues") == []) == required, (resource["name"], field["name"])


def test_an_empty_list_is_not_null_in_csv(extracted):
    import frictionless
    folder = extracted["zip"]
    package = frictionless.Package(str(folder / "datapackage.json"))
    for table, column in [("documents", "authors"), ("stances", "rules")]:
        rows = read_jsonl(folder, table)
        assert any(row[column] == [] for row in rows), f"no empty {table}.{column} to check"
        for row, read in zip(rows, package.get_resource(table).read_rows()):
            # frictionless splits an empty field into one empty item; what matters is that it is no null.
            assert read[column] is not None, (table, column, row)
            assert [item for item in read[column] if item] == row[column]


def test_fingerprint_is_recomputable_and_cited_everywhere(extracted):
    folder = extracted["tar.gz"]
    lines = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  data/{p.name}\n" for p in sorted((folder / "data").iterdir()))
    fingerprint = hashlib.sha256(lines.encode()).hexdigest()
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["standoff"]["fingerprint"] == "sha256:" + fingerprint
    assert f"sha256:{fingerprint}" in (folder / "CITATION.cff").read_text(encoding="utf-8")
    assert f"sha256:{fingerprint}" in (folder / "README.md").read_text(encoding="utf-8")


def test_citation_file_names_the_version(extracted):
    text = (extracted["zip"] / "CITATION.cff").read_text(encoding="utf-8")
    assert "cff-version: 1.2.0" in text and "type: dataset" in text
    assert f'version: "{RELEASE.rsplit("-", 1)[1]}"' in text


@pytest.mark.parametrize("table", TABLES)
def test_hugging_face_datasets_loads_each_table_offline(extracted, tmp_path, table):
    path = extracted["zip"] / "data" / f"{table}.jsonl"
    rows = read_jsonl(extracted["zip"], table)
    if not rows:
        pytest.skip(f"{table} has no rows in this release")
    # A fresh cache in a child process: a warm cache would hide failures.
    code = ("import sys, datasets; d = datasets.load_dataset('json', data_files=sys.argv[1], split='train'); "
            "print(len(d)); print(','.join(sorted(d.column_names)))")
    env = dict(os.environ, HF_HOME=str(tmp_path / "hf"), HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    count, columns = result.stdout.strip().splitlines()[-2:]
    assert int(count) == len(rows)
    assert columns.split(",") == sorted(rows[0])


@pytest.mark.parametrize("fmt,protocol", [("zip", "zip"), ("tar.gz", "tar")])
def test_pandas_reads_tables_straight_from_the_archive(fmt, protocol):
    url = f"{protocol}://{RELEASE}/data/sentences.csv::{DIST / f'{RELEASE}.{fmt}'}"
    frame = pd.read_csv(url, dtype=str, keep_default_na=False)
    assert len(frame) > 0
    assert list(frame.columns[:2]) == ["sentence_id", "doc_id"]
