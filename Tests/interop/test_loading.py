"""The dataset card's and the project README's loading snippets, run as they are from the
extracted release folder: pandas, polars, DuckDB, R (readr and jsonlite) and Hugging Face
`datasets` load every table with its types (`published` a date, lists as lists, labels as
categories, missing values as the tool's NA)."""
import os
import shutil

import pytest

from loading import (TABLE_NAMES, assert_loaded_with_types, code_blocks, fresh_hf_env, run_duckdb, run_python, run_r)
from test_release import DIST, RELEASE, ROOT

R_MISSING = "Rscript is not installed: make interop (make r-deps) installs r-base-core, r-cran-readr and r-cran-jsonlite from Debian"


@pytest.fixture
def rscript():
    """Skips an R test where R is not installed, except in CI, which installs it and must run them."""
    if shutil.which("Rscript") is None:
        if os.environ.get("CI"):
            pytest.fail(R_MISSING + "; CI must run the R tests")
        pytest.skip(R_MISSING)


def card_snippets(folder):
    """The card's loading snippets by tool, told apart by what they import."""
    blocks = code_blocks((folder / "README.md").read_text(encoding="utf-8"), "How to load")
    snippets = {}
    for language, code in blocks:
        if language == "sql":
            tool = "duckdb"
        elif language == "r":
            tool = "readr" if "library(readr)" in code else "jsonlite"
        elif "zip://" in code:
            tool = "zip"
        elif "from datasets import" in code:
            tool = "datasets"
        else:
            tool = "polars" if "import polars" in code else "pandas"
        assert tool not in snippets, f"two {tool} snippets"
        snippets[tool] = code
    return snippets


def test_the_card_has_a_snippet_for_every_tool(extracted):
    assert sorted(card_snippets(extracted["zip"])) == ["datasets", "duckdb", "jsonlite", "pandas", "polars", "readr", "zip"]


@pytest.mark.parametrize("tool", ["pandas", "polars", "datasets"])
def test_card_python_snippet_loads_every_table_with_its_types(extracted, tmp_path, tool):
    folder = extracted["tar.gz"]
    report = run_python(card_snippets(folder)[tool], folder, env=fresh_hf_env(tmp_path))
    assert_loaded_with_types(report, folder, TABLE_NAMES)


def test_card_duckdb_snippet_loads_every_table_with_its_types(extracted):
    folder = extracted["zip"]
    assert_loaded_with_types(run_duckdb(card_snippets(folder)["duckdb"], folder), folder, TABLE_NAMES)


@pytest.mark.parametrize("tool", ["readr", "jsonlite"])
def test_card_r_snippet_loads_every_table_with_its_types(extracted, tmp_path, rscript, tool):
    folder = extracted["zip"]
    assert_loaded_with_types(run_r(card_snippets(folder)[tool], folder, tmp_path), folder, TABLE_NAMES)


def test_card_snippet_reads_the_default_table_straight_from_the_zip(extracted, tmp_path):
    download = tmp_path / "download"
    download.mkdir()
    shutil.copy(DIST / f"{RELEASE}.zip", download)
    report = run_python(card_snippets(extracted["zip"])["zip"], download)
    assert list(report) == ["documents"]
    assert report["documents"]["rows"] == 5


def readme_snippets():
    blocks = code_blocks((ROOT / "README.md").read_text(encoding="utf-8"), "Loading the dataset")
    assert [language for language, _ in blocks] == ["python", "r", "r", "sql"], "pandas, R (readr, jsonlite) and DuckDB"
    return blocks


def run_readme_snippet(position, folder, tmp_path, request):
    """What the README's load snippet at `position` loads in `folder`, checked against the JSONL
    rows and the data package; R snippets need the `rscript` fixture."""
    language, code = readme_snippets()[position]
    if language == "r":
        request.getfixturevalue("rscript")
    report = {"python": lambda: run_python(code, folder), "r": lambda: run_r(code, folder, tmp_path),
              "sql": lambda: run_duckdb(code, folder)}[language]()
    assert report, "the snippet loaded no table"
    assert_loaded_with_types(report, folder, sorted(report))
    return report


@pytest.mark.parametrize("position", range(4), ids=["pandas", "readr", "jsonlite", "duckdb"])
def test_readme_snippets_load_their_tables_with_their_types(extracted, tmp_path, request, position):
    run_readme_snippet(position, extracted["tar.gz"], tmp_path, request)
