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


@pytest.mark.parametrize("fmt", FORMATS)
def test_frictionless_validates_the_extracted_package(extracted, fmt):
    import frictionless
    report = frictionless.validate(str(extracted[fmt] / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert sorted(task.name for task in report.tasks) == sorted(TABLES)


def test_datapackage_declares_keys_types_and_hashes(extracted):
    package = json.loads((extracted["zip"] / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["version"] == RELEASE.rsplit("-", 1)[1]
    resources = {r["name"]: r for r in package["resources"]}
    assert set(resources) == set(TABLES)
    for name, key in TABLES.items():
        resource = resources[name]
        assert resource["schema"]["primaryKey"] == key
        data = (extracted["zip"] / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["bytes"] == len(data)
    assert {fk["reference"]["resource"] for fk in resources["mentions"]["schema"]["foreignKeys"]} == {"documents", "sentences"}
    types = {f["name"]: f["type"] for f in resources["documents"]["schema"]["fields"]}
    assert types["published"] == "date" and types["n_sentences"] == "integer"
    assert types["japan_dprk_dialogue_stance"] == "string" and types["japan_dprk_dialogue_n_favor"] == "integer"
    stance_types = {f["name"]: f["type"] for f in resources["stances"]["schema"]["fields"]}
    assert stance_types["cues"] == "array" and stance_types["score"] == "integer"


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
