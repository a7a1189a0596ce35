"""Rewrites a release folder's own lists of its files after a test edited its tables, as a later
release would carry them: `standoff diff` checks every table against those lists and refuses an
edited release otherwise."""
import hashlib
import json
from pathlib import Path


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def relist(folder):
    """Refreshes `standoff.files` and the fingerprint in datapackage.json, then SHA256SUMS."""
    folder = Path(folder)
    data = sorted(p.relative_to(folder).as_posix() for p in (folder / "data").rglob("*") if p.is_file())
    package_path = folder / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    files = {path: {"bytes": (folder / path).stat().st_size, "sha256": sha256(folder / path)} for path in data}
    package["standoff"]["files"] = files
    listing = "".join(f"{files[path]['sha256']}  {path}\n" for path in data)
    package["standoff"]["fingerprint"] = "sha256:" + hashlib.sha256(listing.encode()).hexdigest()
    package_path.write_text(json.dumps(package, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    every = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != "SHA256SUMS")
    (folder / "SHA256SUMS").write_text("".join(f"{sha256(folder / path)}  {path}\n" for path in every), encoding="utf-8")
