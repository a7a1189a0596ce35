"""Deterministic synthetic corpora for the benchmark, assembled from the real articles.

Each synthetic document takes the page furniture (the boilerplate lines before and after the
body) of one real article in `raw/`, and a body of real paragraphs drawn from all five
articles, as the committed annotation snapshot (`annotations/documents/`) records them. Entity
mentions are varied with the gazetteer: within a document, some entities are consistently
replaced by another entry of the same type (a PERSON by a PERSON, a GPE by a GPE), with the
matching spelling (name, demonym or family name). Some files get CRLF line ends and some have
their paragraphs hard-wrapped, as text dumps of web pages do.

The same seed, document count, generator version and inputs give the same bytes: every
document draws from its own random stream seeded by the seed and its index, and nothing
depends on the clock, the machine or dictionary order.

Usage: python3 Tests/bench/generate_corpus.py --documents 10000 --out build/bench/corpus-10000
"""
import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import textwrap
import unicodedata
from pathlib import Path

# Bump when the output for the same inputs changes, so stale corpora are regenerated.
GENERATOR_VERSION = 1
DEFAULT_SEED = 20240404
# Shares of documents with CRLF line ends and with hard-wrapped paragraphs.
CRLF_SHARE = 0.1
WRAPPED_SHARE = 0.1
# Chance that an entity seen in a document is replaced by another of the same type.
SWAP_SHARE = 0.5
# Chance of a section heading (real in-body furniture) before a paragraph after the first.
HEADING_SHARE = 0.15
SWAPPABLE_TYPES = ("PERSON", "GPE", "ORG", "EVENT")

WHITE_SPACE = re.compile(r"\s+")
FURNITURE = re.compile(r"^(?:By|Credit|Photo|Image)\b")


def fold(line):
    """A raw line as the cleaned text has it: NFC, white space runs (and NBSP) as one space."""
    return WHITE_SPACE.sub(" ", unicodedata.normalize("NFC", line).replace("\u00a0", " ")).strip()


class Article:
    """One real article split into page furniture and body paragraphs."""

    def __init__(self, raw_text, snapshot_lines):
        sentences = [row for row in snapshot_lines if row.get("kind") == "sentence"]
        by_paragraph = {}
        for row in sentences:
            by_paragraph.setdefault(row["paragraph"], []).append(row)
        # A paragraph is its sentences in order, each with the mentions the rules found.
        self.paragraphs = [by_paragraph[key] for key in sorted(by_paragraph)]
        texts = [" ".join(row["text"] for row in paragraph) for paragraph in self.paragraphs]

        lines = raw_text.split("\n")

        def is_body(line):
            folded = fold(line)
            # Short lines (labels, headings) may occur inside a paragraph by chance; only
            # lines long enough to be prose are taken as body.
            return len(folded) >= 40 and any(folded in text for text in texts)

        body_lines = [index for index, line in enumerate(lines) if is_body(line)]
        first, last = body_lines[0], body_lines[-1]
        self.head = lines[:first]
        self.tail = lines[last + 1:]
        while self.tail and not self.tail[-1].strip():
            self.tail.pop()
        # Section headings: the non-body lines inside the body, less a repeated title, a
        # byline or a photo credit, which belong to the page head.
        head = {fold(line) for line in self.head}
        self.headings = [fold(line) for line in lines[first:last]
                         if line.strip() and not is_body(line) and fold(line) not in head and not FURNITURE.match(fold(line))]
        # Whether paragraphs are separated by a blank line in this page's layout.
        self.blank_between = any(not line.strip() for line in lines[first:last + 1])


class Gazetteer:
    """Entries by id and, for drawing replacements, the ids of each type in file order."""

    def __init__(self, lines):
        self.entries = {}
        self.ids_by_type = {}
        for line in lines:
            if not line.strip():
                continue
            entry = json.loads(line)
            self.entries[entry["id"]] = entry
            self.ids_by_type.setdefault(entry["type"], []).append(entry["id"])

    def spelling(self, original, replacement, text):
        """How `replacement` is written where `original` was written as `text`; None keeps `text`."""
        demonyms = original.get("demonyms", [])
        if text in demonyms:
            forms = replacement.get("demonyms", [])
            if not forms:
                return None
            plural = text.endswith("s")
            same_number = [form for form in forms if form.endswith("s") == plural]
            return (same_number or forms)[0]
        if original.get("family") and text == original["family"]:
            return replacement.get("family")
        return replacement["name"]


class Generator:
    """Builds synthetic documents from the articles and the gazetteer."""

    def __init__(self, repo, seed):
        self.seed = seed
        raw_folder = repo / "raw"
        snapshot_folder = repo / "annotations" / "documents"
        gazetteer_path = repo / "annotations" / "rules" / "gazetteer.jsonl"
        digest = hashlib.sha256()
        self.articles = []
        for raw_path in sorted(raw_folder.glob("*.txt")):
            snapshot_path = snapshot_folder / (raw_path.stem + ".jsonl")
            raw_bytes = raw_path.read_bytes()
            snapshot_bytes = snapshot_path.read_bytes()
            for part in (raw_path.name.encode(), raw_bytes, snapshot_bytes):
                digest.update(hashlib.sha256(part).digest())
            raw_text = raw_bytes.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            snapshot = [json.loads(line) for line in snapshot_bytes.decode("utf-8").splitlines() if line.strip()]
            self.articles.append(Article(raw_text, snapshot))
        gazetteer_bytes = gazetteer_path.read_bytes()
        digest.update(hashlib.sha256(gazetteer_bytes).digest())
        self.gazetteer = Gazetteer(gazetteer_bytes.decode("utf-8").splitlines())
        # Identifies the inputs, so a corpus is regenerated when the articles or rules change.
        self.inputs_sha256 = digest.hexdigest()
        self.pool = [paragraph for article in self.articles for paragraph in article.paragraphs]
        self.headings = [heading for article in self.articles for heading in article.headings]

    def swapped(self, sentence, replacements, rng):
        """The sentence text with mentions of replaced entities respelled."""
        text = sentence["text"]
        # From the end, so earlier offsets (code points, as Python indexes) stay valid.
        for mention in sorted(sentence.get("mentions", []), key=lambda m: m["start"], reverse=True):
            entity = self.gazetteer.entries.get(mention.get("entity_id") or "")
            if entity is None or entity["type"] not in SWAPPABLE_TYPES:
                continue
            if entity["id"] not in replacements:
                replacement = None
                if rng.random() < SWAP_SHARE:
                    candidates = self.gazetteer.ids_by_type[entity["type"]]
                    replacement = self.gazetteer.entries[candidates[rng.randrange(len(candidates))]]
                replacements[entity["id"]] = replacement
            replacement = replacements[entity["id"]]
            if replacement is None:
                continue
            spelling = self.gazetteer.spelling(entity, replacement, mention["text"])
            if spelling:
                text = text[:mention["start"]] + spelling + text[mention["end"]:]
        return text

    def document(self, index):
        """The bytes of synthetic document `index`."""
        rng = random.Random(f"standoff-bench:{self.seed}:{index}")
        template = self.articles[rng.randrange(len(self.articles))]
        count = max(3, len(template.paragraphs) + rng.randrange(-3, 4))
        chosen = [self.pool[rng.randrange(len(self.pool))] for _ in range(count)]
        wrapped = rng.random() < WRAPPED_SHARE
        crlf = rng.random() < CRLF_SHARE
        width = rng.choice([64, 72, 78])
        # A wrapped paragraph needs a blank line after it, or its lines would run into the next.
        blank_between = template.blank_between or wrapped

        replacements = {}
        body = []
        for position, paragraph in enumerate(chosen):
            if position > 0 and self.headings and rng.random() < HEADING_SHARE:
                body.append([self.headings[rng.randrange(len(self.headings))]])
            text = " ".join(self.swapped(sentence, replacements, rng) for sentence in paragraph)
            if wrapped:
                body.append(textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False))
            else:
                body.append([text])

        lines = list(template.head)
        if lines and lines[-1].strip() and blank_between:
            lines.append("")
        for position, block in enumerate(body):
            if position > 0 and blank_between:
                lines.append("")
            lines.extend(block)
        if template.tail and template.tail[0].strip() and blank_between:
            lines.append("")
        lines.extend(template.tail)
        text = "\n".join(lines) + "\n"
        if crlf:
            text = text.replace("\n", "\r\n")
        return text.encode("utf-8")


def file_name(index):
    return f"bench-{index:06d}.txt"


def generate(repo, out, documents, seed=DEFAULT_SEED, force=False, log=sys.stderr):
    """Writes `documents` files under `out/raw/` and `out/corpus.json`; reuses a matching corpus.

    Returns the corpus description: generator version, seed, document count, input and
    corpus SHA-256, total bytes.
    """
    repo, out = Path(repo), Path(out)
    generator = Generator(repo, seed)
    wanted = {"generator_version": GENERATOR_VERSION, "seed": seed, "documents": documents,
              "inputs_sha256": generator.inputs_sha256}
    stamp_path = out / "corpus.json"
    if not force and stamp_path.exists() and (out / "raw").is_dir():
        stamp = json.loads(stamp_path.read_text())
        if all(stamp.get(key) == value for key, value in wanted.items()):
            return stamp

    partial = out / "raw.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    corpus_digest = hashlib.sha256()
    total = 0
    for index in range(documents):
        data = generator.document(index)
        name = file_name(index)
        (partial / name).write_bytes(data)
        corpus_digest.update(f"{name} {hashlib.sha256(data).hexdigest()}\n".encode())
        total += len(data)
        if log and documents >= 10000 and (index + 1) % 10000 == 0:
            print(f"  generated {index + 1}/{documents}", file=log)
    shutil.rmtree(out / "raw", ignore_errors=True)
    os.replace(partial, out / "raw")
    stamp = dict(wanted, corpus_sha256=corpus_digest.hexdigest(), bytes=total)
    stamp_path.write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n")
    return stamp


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, required=True)
    parser.add_argument("--out", required=True, help="folder; files go to <out>/raw/")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repo", default=".", help="the project folder (raw/ and annotations/)")
    parser.add_argument("--force", action="store_true", help="regenerate even when a matching corpus exists")
    args = parser.parse_args()
    stamp = generate(args.repo, args.out, args.documents, args.seed, args.force)
    print(json.dumps(stamp, sort_keys=True))


if __name__ == "__main__":
    main()
