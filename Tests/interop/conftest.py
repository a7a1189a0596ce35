"""Shared fixtures for the interop checks."""
import tarfile
import zipfile

import pytest

from test_release import DIST, FORMATS, RELEASE


@pytest.fixture(scope="session")
def extracted(tmp_path_factory):
    """Each archive extracted into its own folder, by the standard library."""
    folders = {}
    for fmt in FORMATS:
        target = tmp_path_factory.mktemp(fmt.replace(".", "-"))
        archive = DIST / f"{RELEASE}.{fmt}"
        if fmt == "zip":
            with zipfile.ZipFile(archive) as z:
                assert z.testzip() is None
                z.extractall(target)
        else:
            with tarfile.open(archive, "r:gz") as t:
                t.extractall(target, filter="data")
        folders[fmt] = target / RELEASE
    return folders
