"""The benchmark corpora are deterministic: the same seed and size give the same bytes."""
import hashlib
import json
from pathlib import Path

import generate_corpus

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = 40


def corpus_hash(folder):
    digest = hashlib.sha256()
    for path in sorted((folder / "raw").iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_two_generations_are_byte_identical(tmp_path):
    first = generate_corpus.generate(REPO, tmp_path / "a", DOCUMENTS, log=None)
    second = generate_corpus.generate(REPO, tmp_path / "b", DOCUMENTS, log=None)
    assert corpus_hash(tmp_path / "a") == corpus_hash(tmp_path / "b")
    assert first["corpus_sha256"] == second["corpus_sha256"]
    assert len(list((tmp_path / "a" / "raw").iterdir())) == DOCUMENTS


def test_another_seed_gives_another_corpus(tmp_path):
    generate_corpus.generate(REPO, tmp_path / "a", DOCUMENTS, log=None)
    generate_corpus.generate(REPO, tmp_path / "b", DOCUMENTS, seed=generate_corpus.DEFAULT_SEED + 1, log=None)
    assert corpus_hash(tmp_path / "a") != corpus_hash(tmp_path / "b")


def test_corpus_has_crlf_wrapped_and_varied_names(tmp_path):
    generate_corpus.generate(REPO, tmp_path, 200, log=None)
    texts = [path.read_bytes() for path in sorted((tmp_path / "raw").iterdir())]
    crlf = [text for text in texts if b"\r\n" in text]
    assert 0 < len(crlf) < len(texts)
    assert all(b"\n" not in text.replace(b"\r\n", b"") for text in crlf), "a CRLF file has a bare LF"
    # Hard-wrapped files have no line longer than the widest wrap measure (78).
    wrapped = [text for text in texts if max(len(line) for line in text.decode().splitlines()) <= 78]
    assert wrapped
    for text in texts:
        text.decode("utf-8")
    # Names are varied from the gazetteer: documents name people and places the real articles never mention.
    real = b"".join(path.read_bytes() for path in (REPO / "raw").glob("*.txt"))
    generated = b"".join(texts)
    gazetteer = [json.loads(line) for line in (REPO / "annotations" / "rules" / "gazetteer.jsonl").read_text().splitlines() if line.strip()]
    for kind in ("PERSON", "GPE"):
        names = [entry["name"].encode() for entry in gazetteer if entry["type"] == kind]
        assert any(name in generated and name not in real for name in names), kind


def test_matching_corpus_is_reused_and_a_stale_one_regenerated(tmp_path):
    generate_corpus.generate(REPO, tmp_path, 5, log=None)
    marker = tmp_path / "raw" / generate_corpus.file_name(0)
    marker.write_bytes(b"edited")
    generate_corpus.generate(REPO, tmp_path, 5, log=None)
    assert marker.read_bytes() == b"edited"
    (tmp_path / "corpus.json").write_text('{"generator_version": 0}')
    generate_corpus.generate(REPO, tmp_path, 5, log=None)
    assert marker.read_bytes() != b"edited"
