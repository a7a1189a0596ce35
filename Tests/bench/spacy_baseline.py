"""The benchmark's baseline: spaCy's rule pipeline over the same raw files.

`spacy.blank("en")` with its `sentencizer` and an `entity_ruler` holding the gazetteer's
names, aliases and demonyms as phrase patterns (label = entity type, demonyms NORP, id = the
gazetteer id, as Standoff's annotate stage labels them). Reads every raw file, runs `nlp.pipe`
and writes sentences and entities as JSON Lines: the comparable part of Standoff's ingest
through export. No model is downloaded.

Usage: python Tests/bench/spacy_baseline.py --raw DIR --out DIR [--n-process N] [--batch-size N]
"""
import argparse
import json
import sys
from pathlib import Path

import spacy


def gazetteer_patterns(path):
    """Phrase patterns from gazetteer.jsonl: every spelling of an entry, with its type and id."""
    patterns = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        for name in [entry["name"], *entry.get("aliases", [])]:
            patterns.append({"label": entry["type"], "pattern": name, "id": entry["id"]})
        for demonym in entry.get("demonyms", []):
            patterns.append({"label": "NORP", "pattern": demonym, "id": entry["id"]})
    return patterns


def pipeline(gazetteer):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(gazetteer_patterns(gazetteer))
    return nlp


def read_texts(files):
    """Each raw file as text: UTF-8, byte-order mark dropped, CRLF and CR as LF (as Standoff's ingest)."""
    for path in files:
        yield path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--raw", required=True, help="folder of raw *.txt files")
    parser.add_argument("--out", required=True, help="folder for sentences.jsonl and entities.jsonl")
    parser.add_argument("--gazetteer", default="annotations/rules/gazetteer.jsonl")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()

    nlp = pipeline(args.gazetteer)
    files = sorted(Path(args.raw).rglob("*.txt"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    documents = sentences_written = entities_written = 0
    with open(out / "sentences.jsonl", "w", encoding="utf-8") as sentences, \
            open(out / "entities.jsonl", "w", encoding="utf-8") as entities:
        docs = nlp.pipe(read_texts(files), n_process=args.n_process, batch_size=args.batch_size)
        for path, doc in zip(files, docs):
            doc_id = path.stem
            for index, sentence in enumerate(doc.sents):
                sentences.write(json.dumps({"doc_id": doc_id, "index": index, "start": sentence.start_char,
                                            "end": sentence.end_char, "text": sentence.text},
                                           ensure_ascii=False, sort_keys=True) + "\n")
                sentences_written += 1
            for entity in doc.ents:
                entities.write(json.dumps({"doc_id": doc_id, "start": entity.start_char, "end": entity.end_char,
                                           "text": entity.text, "type": entity.label_, "entity_id": entity.ent_id_},
                                          ensure_ascii=False, sort_keys=True) + "\n")
                entities_written += 1
            documents += 1
    print(f"{documents} documents, {sentences_written} sentences, {entities_written} entities", file=sys.stderr)


if __name__ == "__main__":
    main()
