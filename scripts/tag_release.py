#!/usr/bin/env python3
"""Marks the commit a release was built from with the annotated tag `<name>-<version>`, the tag
the dataset card names; `make release` runs it after writing the archives.

It reads what the release itself records (`datapackage.json`: name, version, fingerprint and
`standoff.source_commit`), so the tag names exactly the commit in the card. When it cannot tag,
it says why and prints the command to run:

- built outside a git checkout (`unknown`) or from uncommitted changes (`-dirty`): no tag, since
  no commit rebuilds this release; exit 0 (the archives are still there to inspect);
- the tag already marks that commit: nothing to do;
- the tag marks another commit: exit 1, as this version was released from other sources.

    scripts/tag_release.py build/release/<name>-<version>
"""
import json
import subprocess
import sys
from pathlib import Path


def git(*arguments):
    return subprocess.run(["git", *arguments], capture_output=True, text=True)


def tag_release(folder):
    """Tags the release in `folder`; returns the exit status."""
    package = json.loads((Path(folder) / "datapackage.json").read_text(encoding="utf-8"))
    tag = f"{package['name']}-{package['version']}"
    commit = package["standoff"]["source_commit"]
    message = f"{package['title']} {package['version']} ({package['standoff']['fingerprint']})"
    command = f"git tag -a {tag} -m '{message}' {commit}"
    if commit == "unknown":
        print(f"{tag}: not built from a git checkout, so no commit to tag. Build it with 'make release' in a checkout, or tag by hand: git tag -a {tag} -m '{message}' <commit>")
        return 0
    if commit.endswith("-dirty"):
        print(f"{tag}: built from uncommitted changes ({commit}), so no commit rebuilds it and none was tagged. "
              "Commit the changes (or stash them) and run 'make release' again.")
        return 0
    existing = git("rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}")
    if existing.returncode == 0:
        tagged = existing.stdout.strip()
        if tagged == commit:
            print(f"{tag}: the tag already marks {commit}")
            return 0
        print(f"{tag}: the tag already marks {tagged}, but this release was built from {commit}. "
              "A release from other sources needs a new version: bump 'version' in annotations/dataset.json and add its 'changes' entry.",
              file=sys.stderr)
        return 1
    result = git("tag", "-a", tag, "-m", message, commit)
    if result.returncode != 0:
        print(f"{tag}: git could not tag ({result.stderr.strip()}); run: {command}", file=sys.stderr)
        return 1
    print(f"tagged {commit} as {tag}; publish the tag with: git push origin {tag}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/tag_release.py <release folder>")
    sys.exit(tag_release(sys.argv[1]))
