"""`make bench`: times Standoff and the spaCy baseline on synthetic corpora and reports the figures.

For each corpus size it generates (or reuses) a deterministic corpus, runs the whole pipeline
(`standoff run --no-snapshot --timings`) several times from an empty build folder under
`/usr/bin/time -v`, then packaging on its own against command-line `gzip` and `zip` at the same
level, and, at the baseline size, a rebuild with nothing changed, rebuilds after one raw file
changed (documents reused from the cache, archives against a `--no-cache` build), `--jobs`
determinism (when the CLI has it) and spaCy. Every figure is the median of the runs. The table is printed and
written to `build/bench/results.md`, every run's figures to `build/bench/results.json`.

Usage: python3 Tests/bench/run_bench.py --standoff .build/release/standoff --spacy-python build/bench-venv/bin/python
"""
import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_corpus  # noqa: E402

# The deflate level Standoff's archive writer uses (ArchiveOptions.defaultCompressionLevel,
# zlib's default); the command-line tools are run at the same level.
COMPRESSION_LEVEL = 6
# spaCy settings tried on the trial corpus; the fastest is used for the timed runs.
SPACY_SETTINGS = [(1, 100), (1, 1000), (2, 100), (2, 1000)]
SPACY_TRIAL_DOCUMENTS = 1000
BASELINE_DOCUMENTS = 10000
MB = 1e6

# Targets from the project's performance issue.
SPACY_RATIO_TARGET = 60
EXPORT_RATE_TARGET = 50  # MB/s, ingest through export, at 100k documents
PACKAGE_RATIO_TARGET = 1.25
RSS_LIMIT_MB = 300
RSS_GROWTH_LIMIT = 2
NO_CHANGE_LIMIT = 2  # seconds at 10k documents


def log(message):
    print(message, file=sys.stderr, flush=True)


class Measurement:
    """One process run: wall seconds, CPU seconds, peak resident memory and its standard error."""

    def __init__(self, wall, user, system, max_rss_kb, stderr, stdout=None):
        self.wall, self.user, self.system, self.max_rss_kb, self.stderr = wall, user, system, max_rss_kb, stderr
        self.stdout = stdout

    @property
    def cpu(self):
        return (self.user + self.system) / self.wall if self.wall else 0


def measure(command, cwd, label, stdout=subprocess.DEVNULL):
    """Runs `command` under `/usr/bin/time -v`; fails with its standard error if it fails."""
    time_file = Path(cwd) / "build" / "bench" / ".time"
    time_file.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", "-o", str(time_file), *command], cwd=cwd,
                            stdout=stdout, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        tail = "\n".join(result.stderr.splitlines()[-20:])
        sys.exit(f"bench: {label} failed (exit {result.returncode}): {' '.join(command)}\n{tail}")
    report = time_file.read_text()

    def field(name):
        match = re.search(rf"^\s*{re.escape(name)}: (\S+)$", report, re.MULTILINE)
        if not match:
            sys.exit(f"bench: /usr/bin/time -v printed no '{name}' for {label}")
        return float(match.group(1))

    return Measurement(wall, field("User time (seconds)"), field("System time (seconds)"),
                       field("Maximum resident set size (kbytes)"), result.stderr, result.stdout)


def timed_shell(script, cwd):
    """Wall seconds of a shell pipeline."""
    start = time.perf_counter()
    subprocess.run(["bash", "-o", "pipefail", "-c", script], cwd=cwd, check=True)
    return time.perf_counter() - start


def stage_times(stderr):
    """`stage: 1.234 s` lines that `--timings` prints, in order."""
    return {match.group(1): float(match.group(2))
            for match in re.finditer(r"^([a-z-]+): ([0-9.]+) s$", stderr, re.MULTILINE)}


def median(values):
    return statistics.median(values) if values else float("nan")


def tree_digest(folder):
    """SHA-256 of every file's relative path and bytes under `folder`, in path order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def first_difference(left, right):
    """The first relative path whose bytes differ between two folders, or None."""
    def files(folder):
        return {str(p.relative_to(folder)): p for p in Path(folder).rglob("*") if p.is_file()}
    a, b = files(left), files(right)
    for name in sorted(set(a) | set(b)):
        if name not in a or name not in b or a[name].read_bytes() != b[name].read_bytes():
            return name
    return None


class Bench:
    def __init__(self, args):
        self.repo = Path(args.repo).resolve()
        self.standoff = str(Path(args.standoff).resolve())
        # absolute(), not resolve(): a virtual environment's python is a symlink to the base interpreter.
        self.spacy_python = args.spacy_python and str(Path(args.spacy_python).absolute())
        self.runs = args.runs
        self.sizes = sorted(set(args.sizes))
        # The corpus for spaCy, the no-change rebuild and the --jobs check; None skips them.
        self.baseline_size = args.baseline if args.baseline in self.sizes else None
        self.out = self.repo / "build" / "bench"
        self.help = subprocess.run([self.standoff, "run", "--help"], capture_output=True, text=True).stdout
        self.has_jobs = "--jobs" in self.help
        self.has_cache = "--no-cache" in self.help
        self.results = {}
        self.load_before = Path("/proc/loadavg").read_text().split()[:3]

    # -- corpora and runs

    def corpus(self, documents):
        folder = self.out / f"corpus-{documents}"
        log(f"corpus of {documents} documents: {folder.relative_to(self.repo)}/raw")
        return folder, generate_corpus.generate(self.repo, folder, documents)

    def standoff_run(self, raw, build, extra=(), stdout=subprocess.DEVNULL):
        return measure([self.standoff, "run", "--raw", str(raw), "--build", str(build), "--no-snapshot", "--timings", *extra],
                       self.repo, "standoff run", stdout=stdout)

    def bench_size(self, documents):
        folder, stamp = self.corpus(documents)
        raw, build = folder / "raw", folder / "build"
        result = {"documents": documents, "bytes": stamp["bytes"], "corpus_sha256": stamp["corpus_sha256"], "runs": []}
        for run in range(self.runs):
            shutil.rmtree(build, ignore_errors=True)
            m = self.standoff_run(raw, build)
            log(f"  standoff run {run + 1}/{self.runs}: {m.wall:.2f} s, {m.max_rss_kb / 1024:.0f} MB, CPU {m.cpu:.0%}")
            result["runs"].append(m)

        # Packaging on its own, from the release folder the last run exported.
        releases = sorted((build / "release").iterdir())
        release = releases[0]
        result["release_bytes"] = sum(p.stat().st_size for p in release.rglob("*") if p.is_file())
        package, package_cpu, gzip_times, zip_times = [], [], [], []
        scratch = folder / "compare"
        for run in range(self.runs):
            m = measure([self.standoff, "package", "--build", str(build)], self.repo, "standoff package")
            package.append(m.wall)
            package_cpu.append(m.user + m.system)
            shutil.rmtree(scratch, ignore_errors=True)
            scratch.mkdir()
            gzip_times.append(timed_shell(
                f"tar -cf - -C {release.parent} {release.name} | gzip -{COMPRESSION_LEVEL} -n > {scratch}/release.tar.gz",
                self.repo))
            zip_times.append(timed_shell(
                f"cd {release.parent} && zip -q -r -X -{COMPRESSION_LEVEL} {scratch}/release.zip {release.name}", self.repo))
            log(f"  package {run + 1}/{self.runs}: standoff {package[-1]:.2f} s, tar|gzip {gzip_times[-1]:.2f} s, zip {zip_times[-1]:.2f} s")
        shutil.rmtree(scratch, ignore_errors=True)
        result["package"], result["gzip"], result["zip"] = median(package), median(gzip_times), median(zip_times)
        result["package_cpu"] = median(package_cpu)
        # Ratios of runs made one after the other, so a burst of load elsewhere tends to hit both sides.
        result["package_ratio"] = median([p / max(g, z) for p, g, z in zip(package, gzip_times, zip_times)])
        result["package_sum_ratio"] = median([p / (g + z) for p, g, z in zip(package, gzip_times, zip_times)])
        result["package_runs"] = [{"standoff": p, "gzip": g, "zip": z} for p, g, z in zip(package, gzip_times, zip_times)]

        if documents == self.baseline_size:
            # Nothing changed since the last run over this build folder.
            again = []
            for run in range(self.runs):
                m = self.standoff_run(raw, build)
                again.append(m.wall)
                log(f"  rebuild with nothing changed {run + 1}/{self.runs}: {m.wall:.2f} s")
            result["no_change"] = median(again)
            if self.has_jobs:
                one = folder / "build-jobs1"
                shutil.rmtree(one, ignore_errors=True)
                self.standoff_run(raw, one, ["--jobs", "1"])
                difference = first_difference(build / "dist", one / "dist") or first_difference(build / "release", one / "release")
                result["jobs_identical"] = difference is None
                result["jobs_difference"] = difference
                shutil.rmtree(one, ignore_errors=True)
            # Last: it edits a raw file, so the build folder no longer matches the corpus the checks above use.
            if self.has_cache:
                self.bench_one_file_changed(folder, raw, build, result)
        shutil.rmtree(build, ignore_errors=True)
        self.results[documents] = result

    def bench_one_file_changed(self, folder, raw, build, result):
        """Edits one raw file before each run over the same build folder: only that document
        should be annotated again, and the archives must equal a clean build's of the same files."""
        victim = sorted(raw.glob("*.txt"))[len(list(raw.glob("*.txt"))) // 2]
        original = victim.read_bytes()
        times, reused = [], []
        try:
            for run in range(self.runs):
                victim.write_bytes(original + f"\nTalks between Tokyo and Pyongyang should resume, edit {run + 1}.\n".encode())
                m = self.standoff_run(raw, build, stdout=subprocess.PIPE)
                times.append(m.wall)
                match = re.search(r"^reused (\d+) of (\d+) documents", m.stdout, re.MULTILINE)
                reused.append(int(match.group(1)) if match else 0)
                log(f"  rebuild after one raw file changed {run + 1}/{self.runs}: {m.wall:.2f} s, {reused[-1]} documents reused")
            clean = folder / "build-clean"
            shutil.rmtree(clean, ignore_errors=True)
            self.standoff_run(raw, clean, ["--no-cache"])
            result["one_changed"] = median(times)
            result["one_changed_reused"] = min(reused)
            result["one_changed_difference"] = first_difference(build / "dist", clean / "dist")
            shutil.rmtree(clean, ignore_errors=True)
        finally:
            # The corpus is reused by later runs, so it goes back to its generated bytes.
            victim.write_bytes(original)

    def bench_spacy(self):
        if not self.spacy_python or self.baseline_size is None:
            return None
        trial_folder, _ = self.corpus(SPACY_TRIAL_DOCUMENTS)
        trials = []
        for n_process, batch_size in SPACY_SETTINGS:
            m = self.spacy_run(trial_folder, n_process, batch_size)
            log(f"  spaCy trial n_process={n_process} batch_size={batch_size}: {m.wall:.2f} s")
            trials.append((m.wall, n_process, batch_size))
        _, n_process, batch_size = min(trials)
        folder, stamp = self.corpus(self.baseline_size)
        runs = []
        for run in range(self.runs):
            m = self.spacy_run(folder, n_process, batch_size)
            log(f"  spaCy run {run + 1}/{self.runs}: {m.wall:.2f} s, {m.max_rss_kb / 1024:.0f} MB, CPU {m.cpu:.0%}")
            runs.append(m)
        return {"trials": trials, "n_process": n_process, "batch_size": batch_size, "runs": runs,
                "documents": self.baseline_size, "bytes": stamp["bytes"],
                "version": subprocess.run([self.spacy_python, "-c", "import spacy; print(spacy.__version__)"],
                                          capture_output=True, text=True).stdout.strip()}

    def spacy_run(self, folder, n_process, batch_size):
        out = folder / "spacy-out"
        shutil.rmtree(out, ignore_errors=True)
        m = measure([self.spacy_python, str(self.repo / "Tests" / "bench" / "spacy_baseline.py"), "--raw", str(folder / "raw"),
                     "--out", str(out), "--n-process", str(n_process), "--batch-size", str(batch_size)], self.repo, "spaCy baseline")
        shutil.rmtree(out, ignore_errors=True)
        return m

    def run(self):
        for documents in self.sizes:
            self.bench_size(documents)
        self.spacy = self.bench_spacy()
        self.load_after = Path("/proc/loadavg").read_text().split()[:3]
        report = self.report()
        print(report)
        (self.out / "results.md").write_text(report)
        (self.out / "results.json").write_text(json.dumps(self.raw_figures(), indent=1, sort_keys=True) + "\n")
        log(f"wrote {(self.out / 'results.md').relative_to(self.repo)}")

    # -- report

    def raw_figures(self):
        """Every run's figures, for a second look at the noise behind the medians."""
        def runs(measurements):
            return [{"wall": m.wall, "user": m.user, "system": m.system, "max_rss_kb": m.max_rss_kb,
                     "stages": stage_times(m.stderr)} for m in measurements]
        figures = {"sizes": {}}
        for documents, r in self.results.items():
            figures["sizes"][str(documents)] = dict({k: v for k, v in r.items() if k != "runs"}, runs=runs(r["runs"]))
        if self.spacy:
            figures["spacy"] = dict({k: v for k, v in self.spacy.items() if k != "runs"}, runs=runs(self.spacy["runs"]))
        return figures

    def machine(self):
        cpuinfo = Path("/proc/cpuinfo").read_text()
        model = re.search(r"^model name\s*: (.*)$", cpuinfo, re.MULTILINE)
        memory = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
        swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
        swift_line = next((line for line in (swift.stdout + swift.stderr).splitlines() if "Swift version" in line), "unknown")
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=self.repo, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=self.repo,
                               capture_output=True, text=True).stdout.strip()
        return {
            "cores": os.cpu_count(),
            "model": model.group(1).strip() if model else "unknown",
            "memory": f"{int(memory.group(1)) / 1024 / 1024:.1f} GiB" if memory else "unknown",
            "swift": re.sub(r"\s*\(.*", "", swift_line.strip()),
            "python": platform.python_version(),
            "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        }

    def ingest_to_export(self, result):
        """Seconds for ingest through export: the run's wall time less packaging measured on its own."""
        return median([m.wall for m in result["runs"]]) - result["package"]

    def ingest_to_export_cpu(self, result):
        """CPU seconds (user + system) for ingest through export: less sensitive to other load than wall time."""
        return median([m.user + m.system for m in result["runs"]]) - result["package_cpu"]

    def report(self):
        machine = self.machine()
        lines = ["# Benchmark results", ""]
        lines.append(f"Commit {machine['commit']}; {machine['cores']} cores, {machine['model']}, {machine['memory']} RAM; "
                     f"{machine['swift']}; Python {machine['python']}" + (f"; spaCy {self.spacy['version']}" if self.spacy else "") + ".")
        lines.append(f"Load average (1, 5, 15 min) before: {', '.join(self.load_before)}; after: {', '.join(self.load_after)}. "
                     "A load above the core count means other work shared the machine and the figures are noisy.")
        lines.append(f"Every figure is the median of {self.runs} run(s). MB = 10^6 bytes of raw input. "
                     "Synthetic corpora from `Tests/bench/generate_corpus.py` (seed "
                     f"{generate_corpus.DEFAULT_SEED}, generator version {generate_corpus.GENERATOR_VERSION}).")
        lines += ["", "## Whole pipeline: `standoff run`", ""]
        lines.append("| documents | input MB | wall s (range) | MB/s | documents/s | peak RSS MB | CPU (user+sys)/wall "
                     "| ingest→export s | ingest→export MB/s | ingest→export CPU s |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for documents, r in sorted(self.results.items()):
            wall = median([m.wall for m in r["runs"]])
            rss = median([m.max_rss_kb for m in r["runs"]]) / 1024
            cpu = median([m.cpu for m in r["runs"]])
            export = self.ingest_to_export(r)
            mb = r["bytes"] / MB
            walls = [m.wall for m in r["runs"]]
            lines.append(f"| {documents} | {mb:.1f} | {wall:.2f} ({min(walls):.2f}–{max(walls):.2f}) | {mb / wall:.2f} | {documents / wall:.0f} "
                         f"| {rss:.0f} | {cpu:.0%} | {export:.2f} | {mb / export:.2f} | {self.ingest_to_export_cpu(r):.2f} |")
        lines.append("")
        lines.append("ingest→export = the run less `standoff package` timed on its own (below), in wall and in CPU seconds. "
                     "Corpus SHA-256 (of file names and bytes): "
                     + "; ".join(f"{d}: `{r['corpus_sha256'][:16]}`" for d, r in sorted(self.results.items())) + ".")

        stages = []
        for r in self.results.values():
            for m in r["runs"]:
                for stage in stage_times(m.stderr):
                    if stage not in stages:
                        stages.append(stage)
        lines += ["", "## Time per stage (seconds, summed over documents and threads; `--timings`)", ""]
        lines.append("| documents | " + " | ".join(stages) + " | stages total | package (on its own) |")
        lines.append("|---:|" + "---:|" * (len(stages) + 2))
        for documents, r in sorted(self.results.items()):
            per_stage = {stage: median([stage_times(m.stderr).get(stage, 0) for m in r["runs"]]) for stage in stages}
            total = sum(per_stage.values())
            lines.append(f"| {documents} | " + " | ".join(f"{per_stage[s]:.2f}" for s in stages)
                         + f" | {total:.2f} | {r['package']:.2f} |")
        lines.append("")
        lines.append("With several threads (`--jobs`) the stages' sum can exceed the wall time, and a stage's time includes "
                     "waits for a core. `cache` is reading or encoding the documents' cache entries. Not in any stage: "
                     "start-up, reading rules, writing (and hashing) the tables and the cache pack, which the main thread does "
                     "while the workers run, the card and the checksums.")

        lines += ["", "## Packaging on its own", ""]
        lines.append(f"`standoff package` (both archives) against `tar -cf - | gzip -{COMPRESSION_LEVEL} -n` and "
                     f"`zip -r -X -{COMPRESSION_LEVEL}` on the same release folder. Level {COMPRESSION_LEVEL}: the level "
                     "Standoff's archive writer uses (`ArchiveOptions.defaultCompressionLevel`), zlib's and both tools' default.")
        lines.append("")
        lines.append("| documents | release folder MB | standoff package s | tar \\| gzip s | zip s | package / max(gzip, zip) | package / (gzip + zip) |")
        lines.append("|---:|---:|---:|---:|---:|---:|---:|")
        for documents, r in sorted(self.results.items()):
            lines.append(f"| {documents} | {r['release_bytes'] / MB:.1f} | {r['package']:.2f} | {r['gzip']:.2f} | {r['zip']:.2f} "
                         f"| {r['package_ratio']:.2f} | {r['package_sum_ratio']:.2f} |")
        lines.append("")
        lines.append("The ratios are medians of each run's ratio (`standoff package`, then `gzip`, then `zip`, one after the "
                     "other), not ratios of the medians.")

        if self.spacy:
            s = self.spacy
            base = self.results.get(s["documents"])
            wall = median([m.wall for m in s["runs"]])
            mb = s["bytes"] / MB
            lines += ["", f"## Baseline: spaCy {s['version']} at {s['documents']} documents", ""]
            lines.append("`spacy.blank(\"en\")` + `sentencizer` + `entity_ruler` with the gazetteer's names, aliases and demonyms, "
                         "`nlp.pipe`, sentences and entities written as JSONL (`Tests/bench/spacy_baseline.py`). "
                         f"Setting used: n_process={s['n_process']}, batch_size={s['batch_size']}, the fastest of these trials on "
                         f"the {SPACY_TRIAL_DOCUMENTS}-document corpus (one run each):")
            lines.append("")
            lines.append("| n_process | batch_size | wall s |")
            lines.append("|---:|---:|---:|")
            for trial_wall, n_process, batch_size in s["trials"]:
                lines.append(f"| {n_process} | {batch_size} | {trial_wall:.2f} |")
            lines.append("")
            cpu_seconds = median([m.user + m.system for m in s["runs"]])
            lines.append("| tool | documents | input MB | wall s | MB/s | documents/s | CPU s | peak RSS MB | CPU (user+sys)/wall |")
            lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            lines.append(f"| spaCy | {s['documents']} | {mb:.1f} | {wall:.2f} | {mb / wall:.2f} | {s['documents'] / wall:.0f} | {cpu_seconds:.2f} "
                         f"| {median([m.max_rss_kb for m in s['runs']]) / 1024:.0f} | {median([m.cpu for m in s['runs']]):.0%} |")
            if base:
                export = self.ingest_to_export(base)
                export_cpu = self.ingest_to_export_cpu(base)
                lines.append(f"| Standoff ingest→export | {s['documents']} | {mb:.1f} | {export:.2f} | {mb / export:.2f} "
                             f"| {s['documents'] / export:.0f} | {export_cpu:.2f} | | |")
                lines.append("")
                lines.append(f"**Standoff / spaCy throughput: {wall / export:.2f}×** in wall time "
                             f"({cpu_seconds / export_cpu:.2f}× in CPU seconds), ingest→export against spaCy's whole run.")

        lines += ["", "## Targets", ""]
        lines.append("| target | measured | result |")
        lines.append("|---|---|---|")
        for row in self.targets():
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
        return "\n".join(lines)

    def targets(self):
        rows = []
        base = self.results.get(BASELINE_DOCUMENTS)
        if self.spacy and base and self.spacy["documents"] == BASELINE_DOCUMENTS:
            ratio = median([m.wall for m in self.spacy["runs"]]) / self.ingest_to_export(base)
            rows.append([f"≥ {SPACY_RATIO_TARGET}× spaCy, 10k, ingest→export", f"{ratio:.2f}×", verdict(ratio >= SPACY_RATIO_TARGET)])
        else:
            rows.append([f"≥ {SPACY_RATIO_TARGET}× spaCy, 10k, ingest→export", "spaCy not run at 10k (BASELINE)", "not measured"])
        big = self.results.get(100000)
        if big:
            rate = big["bytes"] / MB / self.ingest_to_export(big)
            rows.append([f"≥ {EXPORT_RATE_TARGET} MB/s ingest→export at 100k", f"{rate:.2f} MB/s", verdict(rate >= EXPORT_RATE_TARGET)])
        else:
            rows.append([f"≥ {EXPORT_RATE_TARGET} MB/s ingest→export at 100k", "100k not run", "not measured"])
        if self.results:
            documents, r = max(self.results.items())
            ratio = r["package_ratio"]
            rows.append([f"packaging ≤ {PACKAGE_RATIO_TARGET}× gzip / zip (both archives, concurrently)",
                         f"{ratio:.2f}× the slower tool at {documents} documents", verdict(ratio <= PACKAGE_RATIO_TARGET)])
        if big:
            rss = median([m.max_rss_kb for m in big["runs"]]) / 1024
            rows.append([f"peak RSS < {RSS_LIMIT_MB} MB at 100k", f"{rss:.0f} MB", verdict(rss < RSS_LIMIT_MB)])
            if base:
                growth = rss / (median([m.max_rss_kb for m in base["runs"]]) / 1024)
                rows.append([f"peak RSS growth 10k → 100k < {RSS_GROWTH_LIMIT}×", f"{growth:.2f}×", verdict(growth < RSS_GROWTH_LIMIT)])
        else:
            rows.append([f"peak RSS < {RSS_LIMIT_MB} MB at 100k, < {RSS_GROWTH_LIMIT}× growth from 10k", "100k not run", "not measured"])
        if not self.has_jobs:
            rows.append(["`--jobs N` output identical to `--jobs 1`", "`standoff run` has no `--jobs` option", "not available"])
        elif base and "jobs_identical" in base:
            rows.append(["`--jobs N` output identical to `--jobs 1`",
                         "identical" if base["jobs_identical"] else f"differs first in {base['jobs_difference']}",
                         verdict(base["jobs_identical"])])
        else:
            rows.append(["`--jobs N` output identical to `--jobs 1`", "not checked: BASELINE was not 10000", "not measured"])
        if base and "one_changed" in base:
            documents = base["documents"]
            identical = base["one_changed_difference"] is None
            rows.append(["after one raw file changed: only it re-annotated, archives equal a clean build's",
                         f"{base['one_changed']:.2f} s, {base['one_changed_reused']} of {documents} reused, "
                         + ("archives identical" if identical else f"differs first in {base['one_changed_difference']}"),
                         verdict(identical and base["one_changed_reused"] == documents - 1)])
        else:
            rows.append(["after one raw file changed: only it re-annotated", "not checked: BASELINE was not 10000 or no cache", "not measured"])
        if base and "no_change" in base:
            rows.append([f"rebuild with nothing changed < {NO_CHANGE_LIMIT} s at 10k", f"{base['no_change']:.2f} s",
                         verdict(base["no_change"] < NO_CHANGE_LIMIT)])
        else:
            rows.append([f"rebuild with nothing changed < {NO_CHANGE_LIMIT} s at 10k", "not checked: BASELINE was not 10000", "not measured"])
        return rows


def verdict(passed):
    return "pass" if passed else "FAIL"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000 10000 100000", help="document counts, separated by spaces")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--standoff", default=".build/release/standoff")
    parser.add_argument("--spacy-python", default="build/bench-venv/bin/python", help="empty to skip the baseline")
    parser.add_argument("--baseline", type=int, default=BASELINE_DOCUMENTS,
                        help="the size (one of --sizes) for spaCy, the no-change rebuild and --jobs; 0 skips them")
    parser.add_argument("--repo", default=".")
    args = parser.parse_args()
    args.sizes = [int(size) for size in args.sizes.split()]
    if not args.sizes or args.runs < 1:
        sys.exit("bench: give at least one size and one run")
    Bench(args).run()


if __name__ == "__main__":
    main()
