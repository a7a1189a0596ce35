"""`standoff diff` as a reviewer meets it: on the archives `make dataset` built, on a release
folder edited from Python, and on hostile archives made by Python's tarfile."""
import gzip
import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

from release_lists import relist
from test_release import DIST, RELEASE

ROOT = Path(__file__).resolve().parents[2]
STANDOFF = ROOT / ".build" / "release" / "standoff"
TAR = DIST / f"{RELEASE}.tar.gz"
ZIP = DIST / f"{RELEASE}.zip"


def diff(*args, cwd=ROOT):
    return subprocess.run([str(STANDOFF), "diff", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_rows(path, table):
    path.write_text("".join(json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n" for row in table),
                    encoding="utf-8")


def test_help_explains_the_exit_status_and_the_limits():
    result = subprocess.run([str(STANDOFF), "diff", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for text in ["--json", "--exit-code", "--limit", "Exit status", "never unpacked"]:
        assert text in result.stdout, text


def test_the_two_archives_of_one_release_do_not_differ():
    result = diff(TAR, ZIP, "--exit-code")
    assert result.returncode == 0, result.stderr
    assert "No row of any table differs." in result.stdout
    report = json.loads(diff("--json", TAR, ZIP).stdout)
    assert report["has_changes"] is False
    assert report["old"]["label"] == report["new"]["label"] == RELEASE
    assert report["old"]["rows"] == report["new"]["rows"]


def test_an_edited_release_folder_shows_exactly_the_edits(extracted, tmp_path):
    folder = tmp_path / RELEASE
    shutil.copytree(extracted["zip"], folder)
    data = folder / "data"
    mentions = rows(data / "mentions.jsonl")
    sentences = {row["sentence_id"]: row for row in rows(data / "sentences.jsonl")}
    retyped = mentions[0]
    retyped["type"] = "ORG" if retyped["type"] != "ORG" else "GPE"
    removed = mentions.pop(1)
    for row in mentions:
        row["salience"] = 1  # a column a later version might add
    write_rows(data / "mentions.jsonl", mentions)
    # Every sentence has a stance row; relabel the first one no rule fired on.
    stances = rows(data / "stances.jsonl")
    edited = next(row for row in stances if row["label"] == "none" and not row["rules"])
    sentence = sentences[edited["sentence_id"]]
    edited.update({"label": "favor", "rules": ["favor-cue"], "score": 1})
    write_rows(data / "stances.jsonl", stances)
    relist(folder)

    result = diff("--exit-code", TAR, folder)
    assert result.returncode == 1, result.stderr
    assert "`mentions` gained column `salience`." in result.stdout

    report = json.loads(diff("--json", TAR, folder).stdout)
    changes = report["mentions"]["changes"]
    assert sorted(change["kind"] for change in changes) == ["removed", "retyped"]
    by_kind = {change["kind"]: change for change in changes}
    assert by_kind["retyped"]["new"]["type"] == retyped["type"]
    assert by_kind["removed"]["old"]["text"] == removed["text"]
    assert by_kind["removed"]["sentence_id"] == removed["sentence_id"]
    # Offsets in a report are relative to the sentence shown, which Python can slice with.
    for change in changes:
        mention = change["new"] or change["old"]
        assert change["sentence_text"][mention["start"]:mention["end"]] == mention["text"]
    [target] = report["stances"]
    assert target["target"] == "japan-dprk-dialogue"
    assert target["transitions"] == [{"from": "none", "to": "favor", "count": 1}]
    assert target["changes"][0]["text"] == sentence["text"]
    assert report["rules"]["favor-cue"] == {"stances_changed": 1}
    assert report["sentences"]["changes"] == [] and report["removed"] == []
    # Deterministic: the same inputs print the same bytes.
    assert diff("--json", TAR, folder).stdout == diff("--json", TAR, folder).stdout


def tar_gz(path, members):
    with tarfile.open(path, "w:gz") as archive:
        for info, data in members:
            archive.addfile(info, io.BytesIO(data) if data is not None else None)


def test_hostile_archives_are_refused_and_nothing_is_written(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    evil = tarfile.TarInfo("../standoff-evil.txt")
    evil.size = 4
    link = tarfile.TarInfo(f"{RELEASE}/data/documents.jsonl")
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    absolute = tarfile.TarInfo("/tmp/standoff-evil.txt")
    absolute.size = 4
    cases = {
        "dotdot.tar.gz": ([(evil, b"evil")], "'..' component"),
        "link.tar.gz": ([(link, None)], "symbolic link to '/etc/passwd'"),
        "absolute.tar.gz": ([(absolute, b"evil")], "is absolute"),
    }
    for name, (members, message) in cases.items():
        tar_gz(tmp_path / name, members)
    # A gzip bomb: 200 MB of zeros in a few hundred kilobytes.
    bomb = tmp_path / "bomb.tar.gz"
    with gzip.open(bomb, "wb") as stream, tarfile.open(fileobj=stream, mode="w|") as archive:
        # The release lists the table, so the diff reads it, and the cap is what stops it.
        sums = f"{'0' * 64}  data/documents.jsonl\n".encode()
        listing = tarfile.TarInfo(f"{RELEASE}/SHA256SUMS")
        listing.size = len(sums)
        archive.addfile(listing, io.BytesIO(sums))
        info = tarfile.TarInfo(f"{RELEASE}/data/documents.jsonl")
        info.size = 200_000_000

        class Zeros:
            """Reads as `size` zero bytes without holding them."""
            def __init__(self, size):
                self.left = size

            def read(self, count=-1):
                count = self.left if count < 0 else min(count, self.left)
                self.left -= count
                return bytes(count)

        archive.addfile(info, Zeros(info.size))
    assert bomb.stat().st_size < 1_000_000
    cases["bomb.tar.gz"] = (None, "inflates to more than 100000000 bytes")

    for name, (_, message) in cases.items():
        for old, new in [(tmp_path / name, TAR), (TAR, tmp_path / name)]:
            result = diff(old, new, cwd=work)
            assert result.returncode == 2, name
            assert str(tmp_path / name) in result.stderr and message in result.stderr, result.stderr
            assert result.stdout == ""
    assert list(work.iterdir()) == []
    assert not (tmp_path / "standoff-evil.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["work", *cases])


def test_a_missing_input_is_named():
    result = diff("build/dist/nope.tar.gz", TAR)
    assert result.returncode == 2
    assert "build/dist/nope.tar.gz: no such file or folder" in result.stderr
