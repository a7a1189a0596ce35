"""The dataset card as catalogues read it: Hugging Face metadata (configs, features, licence, size,
task and creator terms), `load_dataset(folder)`, the measured quality figures, and the source
commit that the card, `datapackage.json` and `CITATION.cff` record."""
import json
import re
import shutil
import subprocess
import sys

import yaml

from loading import fresh_hf_env
from test_release import MANIFEST, ROOT, TABLES


def front_matter(folder):
    text = (folder / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1]), text


def test_card_metadata_has_a_default_config_and_typed_features(extracted):
    meta, _ = front_matter(extracted["zip"])
    configs = {c["config_name"]: c for c in meta["configs"]}
    assert list(configs) == list(TABLES)
    assert [name for name, c in configs.items() if c.get("default")] == [MANIFEST["card_metadata"]["default_table"]]
    for name, config in configs.items():
        assert config["data_files"] == [{"split": "train", "path": f"data/{name}.jsonl"}]
    features = {info["config_name"]: {f["name"]: f for f in info["features"]} for info in meta["dataset_info"]}
    assert features["stances"]["label"]["dtype"]["class_label"]["names"] == {"0": "favor", "1": "against", "2": "none"}
    assert "class_label" in features["mentions"]["type"]["dtype"] and "class_label" in features["removed"]["reason"]["dtype"]
    assert "class_label" in features["documents"]["japan_dprk_dialogue_stance"]["dtype"]
    assert features["documents"]["published"]["dtype"] == "date32"
    assert features["documents"]["authors"]["list"] == "string"
    assert [f["name"] for f in features["stances"]["cues"]["list"]] == ["end", "label", "rule", "start", "text"]
    for term in ["annotations_creators", "task_ids", "task_categories", "language_creators", "multilinguality", "source_datasets", "language"]:
        assert meta[term] == MANIFEST["card_metadata"][term], term
    rows = max(len((extracted["zip"] / "data" / f"{t}.jsonl").read_text(encoding="utf-8").splitlines()) for t in TABLES)
    assert meta["size_categories"] == ["n<1K" if rows < 1000 else "1K<n<10K" if rows < 10000 else "10K<n<100K"]


def test_card_licence_is_the_same_in_metadata_and_body(extracted):
    meta, text = front_matter(extracted["zip"])
    # The annotations' licence does not cover the article texts, so the dataset as a whole is not CC BY.
    assert meta["license"] == "other"
    assert meta["license_name"] == MANIFEST["license_name"]
    assert meta["license_details"] == MANIFEST["license_note"]
    body = text.split("\n## Licence\n", 1)[1]
    assert MANIFEST["license_note"] in body
    assert "remain the copyright of their authors" in meta["license_details"]
    citation = yaml.safe_load((extracted["zip"] / "CITATION.cff").read_text(encoding="utf-8"))
    assert "license" not in citation and MANIFEST["license_note"] in citation["message"]


def test_load_dataset_of_the_folder_gives_the_default_table_with_class_labels(extracted, tmp_path):
    code = ("import sys, datasets; d = datasets.load_dataset(sys.argv[1], split='train'); "
            "print(len(d), type(d.features['japan_dprk_dialogue_stance']).__name__, d.features['published'].dtype)")
    result = subprocess.run([sys.executable, "-c", code, str(extracted["zip"])], capture_output=True, text=True, env=fresh_hf_env(tmp_path))
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-3:] == ["5", "ClassLabel", "date32"]


def test_card_lists_the_measured_quality_figures(extracted):
    _, text = front_matter(extracted["zip"])
    section = text.split("\n## Quality\n", 1)[1].split("\n## ", 1)[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    listed, current = [], None
    for set_name, figure, value in rows[1:]:
        current = set_name or current
        listed.append((current, figure, value))
    manifest = [(s["name"], f["figure"], f["value"]) for s in MANIFEST["quality"]["sets"] for f in s["figures"]]
    assert listed == manifest
    assert ("domain-dev", "stance macro-F1 (favor, against)", "0.852") in listed
    assert MANIFEST["quality"]["caveat"] in section


def git(*arguments):
    return subprocess.run(["git", "-C", str(ROOT), *arguments], capture_output=True, text=True)


def test_source_commit_is_recorded_in_card_package_and_citation(extracted):
    folder = extracted["zip"]
    commit = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["standoff"]["source_commit"]
    head = git("rev-parse", "HEAD")
    if shutil.which("git") and head.returncode == 0:
        # `make dataset` ran in this checkout just before the tests.
        assert re.fullmatch(r"[0-9a-f]{40}(-dirty)?", commit), commit
        assert commit.removesuffix("-dirty") == head.stdout.strip()
    else:
        assert commit == "unknown"
    card = (folder / "README.md").read_text(encoding="utf-8")
    citation = yaml.safe_load((folder / "CITATION.cff").read_text(encoding="utf-8"))
    if commit == "unknown":
        assert "| Source commit | unknown" in card and "commit" not in citation
    else:
        assert f"| Source commit | `{commit}`" in card
        assert citation["commit"] == commit
    if commit.endswith("-dirty"):
        assert "uncommitted changes" in card
    elif commit != "unknown":
        assert f"`git checkout {folder.name}`" in card and commit in card.split("## Integrity and reproducibility", 1)[1]


def test_the_repository_has_a_citation_file_for_the_software():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["type"] == "software"
    assert citation["title"] == "Standoff" and citation["authors"] and citation["message"]
    # The dataset it builds is cited by its own CITATION.cff, inside each release.
    assert MANIFEST["title"] in json.dumps(citation.get("references", []), ensure_ascii=False)
