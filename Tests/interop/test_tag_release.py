"""`scripts/tag_release.py`, which `make release` runs: the annotated tag `<name>-<version>` on the
commit the release records, and a clear refusal (with the command) when it cannot tag."""
import json
import os
import subprocess
import sys

import pytest

from test_release import ROOT

SCRIPT = ROOT / "scripts" / "tag_release.py"
NAME, VERSION = "example-data", "1.2.0"
TAG = f"{NAME}-{VERSION}"
IDENTITY = {"GIT_AUTHOR_NAME": "A. Maintainer", "GIT_AUTHOR_EMAIL": "maintainer@example.org",
            "GIT_COMMITTER_NAME": "A. Maintainer", "GIT_COMMITTER_EMAIL": "maintainer@example.org"}


@pytest.fixture
def repository(tmp_path):
    """A git repository with two commits; returns (folder, env, first commit, second commit)."""
    env = dict(os.environ, **IDENTITY, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_SYSTEM=os.devnull)
    folder = tmp_path / "repo"
    folder.mkdir()
    run = lambda *args: subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True, text=True).stdout.strip()
    run("init", "-q")
    commits = []
    for text in ["one", "two"]:
        (folder / "file.txt").write_text(text)
        run("add", "file.txt")
        run("commit", "-q", "-m", text)
        commits.append(run("rev-parse", "HEAD"))
    return folder, env, commits


def release_folder(tmp_path, commit):
    folder = tmp_path / "release" / TAG
    folder.mkdir(parents=True, exist_ok=True)
    package = {"name": NAME, "version": VERSION, "title": "Example Data",
               "standoff": {"fingerprint": "sha256:" + "0" * 64, "source_commit": commit}}
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return folder


def tag_release(repository, folder):
    path, env, _ = repository
    return subprocess.run([sys.executable, str(SCRIPT), str(folder)], cwd=path, env=env, capture_output=True, text=True)


def tagged_commit(repository):
    path, env, _ = repository
    result = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/tags/{TAG}^{{commit}}"], cwd=path, env=env,
                            capture_output=True, text=True)
    kind = subprocess.run(["git", "cat-file", "-t", TAG], cwd=path, env=env, capture_output=True, text=True).stdout.strip()
    return (result.stdout.strip(), kind) if result.returncode == 0 else (None, None)


def test_tags_the_recorded_commit_with_an_annotated_tag(repository, tmp_path):
    first = repository[2][0]
    result = tag_release(repository, release_folder(tmp_path, first))
    assert result.returncode == 0, result.stderr
    assert tagged_commit(repository) == (first, "tag")
    assert f"git push origin {TAG}" in result.stdout
    # Again: the tag is already there, on the same commit.
    again = tag_release(repository, release_folder(tmp_path, first))
    assert again.returncode == 0 and "already marks" in again.stdout


def test_a_tag_on_another_commit_is_an_error_that_says_to_bump_the_version(repository, tmp_path):
    first, second = repository[2]
    assert tag_release(repository, release_folder(tmp_path, first)).returncode == 0
    result = tag_release(repository, release_folder(tmp_path, second))
    assert result.returncode == 1
    assert "bump 'version'" in result.stderr
    assert tagged_commit(repository)[0] == first


@pytest.mark.parametrize("suffix,says", [("-dirty", "uncommitted changes"), (None, "not built from a git checkout")])
def test_a_dirty_or_unknown_source_is_not_tagged(repository, tmp_path, suffix, says):
    commit = repository[2][1] + suffix if suffix else "unknown"
    result = tag_release(repository, release_folder(tmp_path, commit))
    assert result.returncode == 0
    assert says in result.stdout
    assert tagged_commit(repository) == (None, None)
