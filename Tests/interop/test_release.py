"""Interop checks of the released archives, run by `make test` after `make dataset`.

They load the archives the way researchers will: Python's tarfile and zipfile, the system's
bsdtar and unzip, sha256sum, pandas and DuckDB; and check the data contract from outside Swift:
row counts, keys, the offset invariant and sentence coverage.
"""
import csv
import io
import json
import subprocess
import tarfile
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = json.loads((ROOT / "annotations" / "dataset.json").read_text(encoding="utf-8"))
RELEASE = f"{MANIFEST['name']}-{MANIFEST['version']}"
DIST = ROOT / "build" / "dist"
TABLES = {"documents": ["doc_id"], "sentences": ["sentence_id"], "mentions": ["mention_id"],
          "stances": ["sentence_id", "target"], "removed": ["doc_id", "line"]}
FORMATS = ["tar.gz", "zip"]


def archive_names(fmt):
    archive = DIST / f"{RELEASE}.{fmt}"
    if fmt == "zip":
        with zipfile.ZipFile(archive) as z:
            return sorted(n.rstrip("/") for n in z.namelist())
    with tarfile.open(archive, "r:gz") as t:
        return sorted(t.getnames())


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_top_folder_with_card_sums_and_tables(fmt):
    names = archive_names(fmt)
    assert {n.split("/")[0] for n in names} == {RELEASE}
    for required in ["README.md", "SHA256SUMS", "datapackage.json", "CITATION.cff", "report/index.html"] + [f"data/{t}.{e}" for t in TABLES for e in ("jsonl", "csv")]:
        assert f"{RELEASE}/{required}" in names


def test_both_archives_hold_the_same_files():
    assert archive_names("tar.gz") == archive_names("zip")


@pytest.mark.parametrize("command", [["bsdtar", "-tvf", f"{RELEASE}.tar.gz"], ["bsdtar", "-tvf", f"{RELEASE}.zip"], ["unzip", "-t", f"{RELEASE}.zip"]])
def test_system_tools_read_the_archives(command):
    result = subprocess.run(command, cwd=DIST, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{RELEASE}/data/sentences.csv" in result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_sha256sums_check(extracted, fmt):
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=extracted[fmt], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # the tables, the report's pages, README.md, datapackage.json and CITATION.cff
    files = [p for p in extracted[fmt].rglob("*") if p.is_file() and p.name != "SHA256SUMS"]
    assert any(p.parts[-2:] == ("report", "index.html") for p in files)
    assert result.stdout.count(": OK") == len(files)


def read_jsonl(folder, table):
    with open(folder / "data" / f"{table}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def count(query):
    with duckdb.connect() as connection:
        return connection.execute(query).fetchone()[0]


@pytest.mark.parametrize("table", TABLES)
def test_tables_load_in_pandas_and_duckdb_with_equal_counts(extracted, table):
    folder = extracted["zip"]
    rows = read_jsonl(folder, table)
    jsonl_path, csv_path = folder / "data" / f"{table}.jsonl", folder / "data" / f"{table}.csv"
    with open(csv_path, encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    if rows:
        assert len(pd.read_json(jsonl_path, lines=True)) == len(rows)
        assert count(f"SELECT count(*) FROM read_json_auto('{jsonl_path}')") == len(rows)
    assert len(pd.read_csv(csv_path, dtype=str, keep_default_na=False)) == len(rows)
    assert list(pd.read_csv(csv_path, dtype=str, nrows=0).columns) == header
    assert count(f"SELECT count(*) FROM read_csv_auto('{csv_path}', header=true, all_varchar=true)") == len(rows)
    if rows:
        assert sorted(rows[0]) == sorted(header)


@pytest.mark.parametrize("table", TABLES)
def test_csv_round_trips_exactly_to_jsonl(extracted, table):
    folder = extracted["tar.gz"]
    rows = read_jsonl(folder, table)
    with open(folder / "data" / f"{table}.csv", encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    assert len(records) == len(rows)
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r for r in package["resources"] if r["name"] == table)["schema"]
    arrays = {field["name"] for field in schema["fields"] if field["type"] == "array"}
    for row, record in zip(rows, records):
        for key, value in row.items():
            if key in arrays:
                # A list of objects (stance cues) is the same JSON array as text in CSV.
                assert json.loads(record[key]) == value, (table, key)
                continue
            expected = "" if value is None else "; ".join(value) if isinstance(value, list) else str(value)
            assert record[key] == expected, (table, key)


@pytest.mark.parametrize("table,key", TABLES.items())
def test_primary_keys_are_unique(extracted, table, key):
    rows = read_jsonl(extracted["zip"], table)
    keys = [tuple(r[k] for k in key) for r in rows]
    assert len(keys) == len(set(keys))


def test_foreign_keys_and_offsets(extracted):
    folder = extracted["zip"]
    documents = {d["doc_id"]: d for d in read_jsonl(folder, "documents")}
    sentences = read_jsonl(folder, "sentences")
    sentence_ids = {s["sentence_id"] for s in sentences}
    assert documents and sentences
    for s in sentences:
        assert s["doc_id"] in documents
        assert documents[s["doc_id"]]["text"][s["start"]:s["end"]] == s["text"]
    for m in read_jsonl(folder, "mentions"):
        assert m["sentence_id"] in sentence_ids
        assert documents[m["doc_id"]]["text"][m["start"]:m["end"]] == m["text"]
    for st in read_jsonl(folder, "stances"):
        assert st["sentence_id"] in sentence_ids
    for r in read_jsonl(folder, "removed"):
        assert r["doc_id"] in documents


def test_sentences_cover_every_non_space_character_once(extracted):
    folder = extracted["tar.gz"]
    documents = {d["doc_id"]: d for d in read_jsonl(folder, "documents")}
    by_doc = {}
    for s in read_jsonl(folder, "sentences"):
        by_doc.setdefault(s["doc_id"], []).append(s)
    for doc_id, doc in documents.items():
        text = doc["text"]
        covered = [0] * len(text)
        for s in by_doc.get(doc_id, []):
            for i in range(s["start"], s["end"]):
                covered[i] += 1
        for i, ch in enumerate(text):
            assert covered[i] == (0 if ch.isspace() else 1) or (ch.isspace() and covered[i] == 1), (doc_id, i)
        assert doc["n_sentences"] == len(by_doc.get(doc_id, []))


def test_documents_name_their_raw_files_and_hashes(extracted):
    import hashlib
    for d in read_jsonl(extracted["zip"], "documents"):
        raw = (ROOT / d["source_file"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == d["source_sha256"]
        assert len(raw) == d["source_size"]


def test_stances_one_row_per_sentence_and_target_with_cues_at_their_offsets(extracted):
    folder = extracted["zip"]
    documents = {d["doc_id"]: d for d in read_jsonl(folder, "documents")}
    sentences = {s["sentence_id"]: s for s in read_jsonl(folder, "sentences")}
    stances = read_jsonl(folder, "stances")
    targets = sorted({st["target"] for st in stances})
    assert targets == ["japan-dprk-dialogue"]
    assert len(stances) == len(sentences) * len(targets)
    assert {(st["sentence_id"], st["target"]) for st in stances} == {(sid, t) for sid in sentences for t in targets}
    labelled = 0
    for st in stances:
        assert st["label"] in {"favor", "against", "none"}
        sentence = sentences[st["sentence_id"]]
        text = documents[st["doc_id"]]["text"]
        for cue in st["cues"]:
            assert sentence["start"] <= cue["start"] < cue["end"] <= sentence["end"]
            assert text[cue["start"]:cue["end"]] == cue["text"]
            assert cue["rule"] in st["rules"]
        if st["label"] != "none":
            labelled += 1
            # A label is explained: a cue that gave it is on record.
            assert any(cue["label"] == st["label"] for cue in st["cues"]) or st["source"] == "correction"
            assert (st["score"] > 0) == (st["label"] == "favor") or st["source"] == "correction"
    assert labelled > 0


def test_document_stance_counts_the_authors_sentences(extracted):
    folder = extracted["tar.gz"]
    stances = read_jsonl(folder, "stances")
    for document in read_jsonl(folder, "documents"):
        prefix = "japan_dprk_dialogue"
        author = [st["label"] for st in stances if st["doc_id"] == document["doc_id"] and st["holder"] == "author"]
        favor, against = author.count("favor"), author.count("against")
        assert (document[f"{prefix}_n_favor"], document[f"{prefix}_n_against"], document[f"{prefix}_n_none"]) == (favor, against, author.count("none"))
        assert document[f"{prefix}_stance"] == ("favor" if favor > against else "against" if against > favor else "none")


def test_stance_tables_join_in_duckdb(extracted):
    folder = extracted["zip"]
    query = f"""
        SELECT count(*) FROM read_json_auto('{folder / "data" / "stances.jsonl"}') st
        JOIN read_json_auto('{folder / "data" / "sentences.jsonl"}') s USING (sentence_id)
        WHERE st.label IN ('favor', 'against')"""
    assert count(query) == sum(1 for st in read_jsonl(folder, "stances") if st["label"] != "none")
