"""The command-line tool as a user meets it: help, the stdin splitter, and error messages."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STANDOFF = ROOT / ".build" / "release" / "standoff"
STAGES = ["run", "ingest", "clean", "split", "annotate", "correct", "validate", "export", "package", "stats", "report"]


def standoff(*args, stdin=None, cwd=ROOT):
    return subprocess.run([str(STANDOFF), *args], input=stdin, capture_output=True, text=True, cwd=cwd)


def test_help_lists_every_stage():
    result = standoff("--help")
    assert result.returncode == 0
    for stage in STAGES:
        assert f"  {stage} " in result.stdout or f"  {stage}\n" in result.stdout, stage


@pytest.mark.parametrize("stage", STAGES)
def test_each_subcommand_explains_itself(stage):
    # `correct` groups the stage (`correct apply`, the default) with the commands that record corrections.
    args = [stage, "apply", "--help"] if stage == "correct" else [stage, "--help"]
    result = standoff(*args)
    assert result.returncode == 0
    assert "--build <dir>" in result.stdout and "--annotations <dir>" in result.stdout
    # Packing reads only the exported release folder, so it offers no raw folder.
    assert ("--raw <dir>" in result.stdout) == (stage != "package")


def test_correct_lists_the_recording_commands():
    result = standoff("correct", "--help")
    assert result.returncode == 0
    for subcommand in ["apply", "stance", "mention", "line"]:
        assert subcommand in result.stdout


def test_split_stdin_prints_sentences_with_code_point_offsets():
    text = "👍🏽 Dr. Lee met U.S. officials at 3 p.m. on Monday. “It went well,” said Ms. Kim.\n\nNew paragraph here."
    result = standoff("split", "--stdin", stdin=text)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == [
        "👍🏽 Dr. Lee met U.S. officials at 3 p.m. on Monday.",
        "“It went well,” said Ms. Kim.",
        "New paragraph here.",
    ]
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]


def test_a_missing_raw_folder_is_a_clear_error(tmp_path):
    result = standoff("run", "--raw", str(tmp_path / "nope"), "--build", str(tmp_path / "build"))
    assert result.returncode == 1
    assert "no such folder (the raw folder)" in result.stderr
    assert not (tmp_path / "build" / "dist").exists()


def test_a_bad_raw_file_names_file_and_offset_and_writes_no_archive(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "raw" / "002_35ab8c524df43227.txt", raw)
    (raw / "broken.txt").write_bytes(b"Caf\xe9 au lait\n")
    result = standoff("run", "--raw", str(raw), "--build", str(tmp_path / "build"))
    assert result.returncode == 1
    assert "raw/broken.txt: error: byte 3: not valid UTF-8" in result.stderr
    assert not list((tmp_path / "build").glob("dist/*"))
    assert (raw / "broken.txt").read_bytes() == b"Caf\xe9 au lait\n"


def test_stats_counts_what_the_mentions_table_holds(tmp_path):
    """`stats --json` agrees with the exported mentions table and writes nothing."""
    build = tmp_path / "build"
    result = standoff("stats", "--json", "--build", str(build), "--no-snapshot")
    assert result.returncode == 0, result.stderr
    assert not build.exists()
    stats = json.loads(result.stdout)
    mentions = [json.loads(line) for line in (ROOT / "build" / "release").glob("*/data/mentions.jsonl").__next__().read_text().splitlines()]
    by_type = {}
    for row in mentions:
        by_type[row["type"]] = by_type.get(row["type"], 0) + 1
    assert stats["mentions_by_type"] == by_type
    top = stats["top_entities"][0]
    assert top["mentions"] == sum(1 for row in mentions if row["entity_id"] == top["id"])
    assert [d["doc_id"] for d in stats["documents"]] == sorted({row["doc_id"] for row in mentions})


@pytest.mark.parametrize("raw, expected", [("raw", ".build/release/standoff run"),
                                           ("my-articles", '.build/release/standoff run --raw "my-articles" --no-snapshot')])
def test_make_dataset_with_another_raw_folder_leaves_the_committed_snapshot_alone(raw, expected):
    """`make dataset RAW=dir` builds another folder's articles without writing annotations/documents/."""
    result = subprocess.run(["make", "-n", "--no-print-directory", "dataset", f"RAW={raw}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert [line.strip() for line in result.stdout.splitlines() if "standoff run" in line] == [expected]
