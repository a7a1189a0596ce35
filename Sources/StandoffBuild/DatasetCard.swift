import Foundation
import StandoffCore

/// The release's `README.md`: a dataset card in the spirit of Hugging Face dataset cards and
/// Datasheets for Datasets, written from the build's summary so its figures are the data's.
public struct DatasetCard: Sendable {
    /// Corpora of more documents get counts and a pointer to the tables instead of per-document
    /// tables: a card is read on one page, and the tables hold every document's row anyway.
    public static let documentLimit = 1000

    /// Name, version, licence.
    public let manifest: DatasetManifest
    /// What the build produced.
    public let summary: CorpusSummary
    /// The tables and their schemas.
    public let tables: DatasetTables
    /// The stance rules, for the annotation section.
    public let stanceRules: StanceRules
    /// Removal reason id → what it means.
    public let reasonSummaries: [String: String]
    /// The data files' content fingerprint.
    public let fingerprint: String
    /// The differences from a previous release, shown as release notes; nil when none was given.
    public let changes: DatasetDiff?

    /// Creates a card.
    public init(manifest: DatasetManifest, summary: CorpusSummary, tables: DatasetTables = DatasetTables(), stanceRules: StanceRules = .none,
                reasonSummaries: [String: String] = [:], fingerprint: String = "", changes: DatasetDiff? = nil) {
        self.manifest = manifest
        self.summary = summary
        self.tables = tables
        self.stanceRules = stanceRules
        self.reasonSummaries = reasonSummaries
        self.fingerprint = fingerprint
        self.changes = changes
    }

    /// Hugging Face card metadata: licence, language and one loadable config per table.
    var frontMatter: String {
        var lines = ["---", "pretty_name: \"\(manifest.title)\"", "license: \(manifest.license.lowercased())", "language:", "- en",
                     "task_categories:", "- text-classification", "- token-classification", "tags:"]
        lines += manifest.keywords.map { "- \($0.lowercased().replacingOccurrences(of: " ", with: "-"))" }
        lines += ["configs:"]
        for table in tables.all {
            lines += ["- config_name: \(table.name)", "  data_files: data/\(table.name).jsonl"]
        }
        return (lines + ["---", ""]).joined(separator: "\n")
    }

    /// The card as Markdown.
    public var markdown: String {
        var card = frontMatter + """
        # \(manifest.title) (`\(manifest.releaseName)`)

        \(manifest.description)

        | | |
        |---|---|
        | Dataset | `\(manifest.name)` |
        | Version | \(manifest.version) |
        | Released | \(manifest.released) |
        | Licence | \(manifest.license) (annotations); see [Licence](#licence) |
        | Documents | \(summary.documents.count) |
        | Sentences | \(count("sentences")) |
        | Entity mentions | \(count("mentions")) |
        | Stance rows | \(count("stances")) |
        | Removed boilerplate lines | \(count("removed")) |
        | Content fingerprint | `sha256:\(fingerprint)` |

        ## Intended use

        Research on how commentators argue about Japan–North Korea diplomacy: sentence-level
        reading, entity and stance counts, and teaching or testing rule-based text processing.
        Every label was made by transparent rules (see *Annotations*), so the data suits analyses
        that need to audit why a label was given; it is not a human-annotated gold standard.

        ## Files

        Every table comes twice, with identical content: `data/<table>.jsonl` (JSON Lines, one
        object per row, keys sorted) and `data/<table>.csv` (RFC 4180, UTF-8 without BOM, CRLF
        record ends, header row). A missing value is JSON `null` and an empty CSV field; a list is
        a JSON array and, in CSV, its items joined by `; `. `datapackage.json` describes the CSV
        tables as a Frictionless Data Package (v1) with types, keys and foreign keys;
        `CITATION.cff` says how to cite this version; `SHA256SUMS` lists every file's SHA-256.
        `report/index.html` opens an HTML report in any browser, offline: every document's text
        with its stance labels, cues and entity mentions marked, and the removed lines.


        """
        card += "## Source articles\n\n"
        if summary.documents.count > Self.documentLimit {
            card += AnnotationStatistics.tooManyDocuments(summary.documents.count, limit: Self.documentLimit, table: "documents")
                + "Its columns give each article's title, publication, date, authors, source file and SHA-256.\n"
        } else {
            card += "| doc_id | title | publication | published | authors | sentences | removed lines |\n|---|---|---|---|---|---:|---:|\n"
        }
        for document in summary.documents where summary.documents.count <= Self.documentLimit {
            card += "| `\(document.id)` | \(cell(document.title)) | \(cell(document.publication)) | \(cell(document.published)) | \(cell(document.authors.isEmpty ? nil : document.authors.joined(separator: ", "))) | \(document.sentences) | \(document.removed) |\n"
        }
        card += """

        A dash means the page does not state the value. The article texts remain the copyright of
        their authors and publishers.

        ## Collection and cleaning

        Each raw file is a text dump of a web page, boilerplate and all. Standoff decodes it strictly
        as UTF-8 (byte-order mark dropped, CRLF and CR turned into LF, NFC), folds runs of white space
        (non-breaking spaces included) into one space, and separates the article body from the page
        furniture by phrase rules (data) and layout heuristics (position, length, sentence endings,
        repetition of the headline). Hard-wrapped lines are joined into paragraphs. Nothing is dropped
        silently: every non-blank raw line is either in the body or a row of `removed`, with its line
        number and the reason below.

        | reason | lines | meaning |
        |---|---:|---|

        """
        for (reason, lines) in summary.removedReasons.sorted(by: { $0.key < $1.key }) {
            card += "| `\(reason)` | \(lines) | \(reasonSummaries[reason] ?? "") |\n"
        }
        card += """

        Sentences are split by rules (abbreviations, initials, decimals, ellipses, quotes closing
        after the period), never across a paragraph. Offsets are Unicode code points, end-exclusive,
        into the document's `text`: in Python, `doc["text"][start:end] == row["text"]` for every
        sentence and mention.

        ## Annotations

        Entity mentions (PERSON, GPE, ORG, NORP, EVENT) and stance toward Japan–North Korea
        dialogue (`favor`, `against`, `none`) are produced by rules kept as data in the project's
        `annotations/rules/`. \(count("mentions") == 0 && count("stances") == 0
            ? "This version does not yet carry entity or stance rules: the `mentions` and `stances` tables hold their headers only."
            : "This version holds \(count("mentions")) mentions and \(count("stances")) stance rows.")


        """
        card += stanceSection
        card += "## Schema\n\n"
        for table in tables.all {
            card += "### `\(table.name)` (\(count(table.name)) rows)\n\n\(table.description) Primary key: \(table.primaryKey.map { "`\($0)`" }.joined(separator: " + ")).\n\n"
            card += "| column | type | may be missing | meaning |\n|---|---|---|---|\n"
            for column in table.columns {
                card += "| `\(column.name)` | \(column.type.rawValue) | \(column.nullable ? "yes" : "no") | \(column.description) |\n"
            }
            card += "\n"
        }
        card += """
        ## How to load

        pandas:
        ```python
        import pandas as pd
        sentences = pd.read_json("data/sentences.jsonl", lines=True)
        documents = pd.read_csv("data/documents.csv", keep_default_na=False, na_values=[""])
        # straight from the archive:
        pd.read_csv("zip://\(manifest.releaseName)/data/sentences.csv::\(manifest.releaseName).zip")
        ```

        DuckDB (from the extracted folder):
        ```sql
        SELECT doc_id, count(*) FROM read_json_auto('data/sentences.jsonl') GROUP BY doc_id;
        SELECT * FROM read_csv_auto('data/removed.csv');
        ```

        R:
        ```r
        sentences <- read.csv(unz("\(manifest.releaseName).zip", "\(manifest.releaseName)/data/sentences.csv"), encoding = "UTF-8")
        ```

        Hugging Face `datasets`:
        ```python
        from datasets import load_dataset
        ds = load_dataset("json", data_files={"sentences": "data/sentences.jsonl"})
        ```

        ## Statistics

        | | |
        |---|---:|
        | documents | \(summary.documents.count) |
        | paragraphs | \(summary.documents.map(\.paragraphs).reduce(0, +)) |
        | sentences | \(count("sentences")) |
        | removed lines | \(count("removed")) |

        """ + summary.statistics.markdown(level: 3, documentLimit: Self.documentLimit) + """
        ## Integrity and reproducibility

        After extracting, `sha256sum -c SHA256SUMS` checks every file. The archives are rebuilt
        byte for byte from the same commit with `make dataset`: entries are sorted, owned by
        uid/gid 0 with fixed modes, and dated by `SOURCE_DATE_EPOCH` (default: the release date,
        \(manifest.released), 00:00 UTC); the gzip header carries no timestamp and zip times are
        written in UTC. Compressed bytes can differ with another zlib build, which is why the sums
        cover the extracted files.

        The content fingerprint above is the SHA-256 of the `SHA256SUMS` lines of the `data/` files,
        in path order; it is also in `datapackage.json` and `CITATION.cff`. Two archives of the same
        version with different data have different fingerprints. To rebuild this exact release,
        check out the commit that made it (tag `\(manifest.releaseName)`), run `make dataset` with
        the same `SOURCE_DATE_EPOCH` (unset: the release date), and compare `SHA256SUMS`.

        ## Known limitations

        Boilerplate removal and sentence splitting are rules: a page laid out unlike the ones the
        rules were written for can keep a stray label or lose a short paragraph (every removed
        line is in `removed`, so such losses can be found and corrected). Metadata is what the page
        states: a missing title, author or date is left empty, never guessed. Stance labels come from
        cue lexicons and a few operators: an argument made without a cue word (a reason listed after
        "for two reasons"), an objection the author reports only to rebut it, or a speaker introduced
        without a verb of saying can be missed or mislabelled; every row names its rules and cues so
        such cases can be found, and `standoff correct stance` fixes one without bending a rule.

        ## Changes

        """ + manifest.changes.map { "- \($0.version): \($0.summary)" }.joined(separator: "\n") + releaseNotes + """


        ## Citation

        Cite this dataset with its version and fingerprint (see `CITATION.cff`), and cite the
        original articles listed above:

        > \(manifest.creators.joined(separator: ", ")). *\(manifest.title)*, version \(manifest.version) (\(manifest.released)). Dataset. sha256:\(fingerprint).

        ## Licence

        \(manifest.licenseNote)

        """
        return card
    }

    /// How stance is annotated, each document's stance and the rule statistics.
    var stanceSection: String {
        guard !stanceRules.targets.isEmpty else { return "" }
        var text = """
        ### Stance

        Every sentence has one row in `stances` per target, even when the rules find nothing (`none`).
        Targets are data (`annotations/rules/stance-targets.jsonl`):


        """
        for target in stanceRules.targetList {
            text += "- `\(target.id)`: \(target.description). Parties: \(target.parties.map { "`\($0.id)`" }.joined(separator: " and ")).\n"
        }
        text += """

        **Labels** follow the SemEval-2016 stance convention: `favor` — the sentence argues for the
        target: it is worthwhile, beneficial, should happen or be welcomed, or objections to it are
        rebutted; `against` — it should not happen, is harmful or counterproductive, or pressure is
        argued for instead; `none` — everything else, including neutral reporting, background and
        predictions about whether it will happen (pessimism about feasibility is `none`, not `against`).
        **Holder**: `author`, the entity id of the quoted or reported speaker (`“…,” said Ms. Kim` →
        `kim-yo-jong`; `Abe now says that…` → `shinzo-abe`; `according to the Korea Times` → `korea-times`),
        or `unnamed` for a speaker no one names (`critics say`, `one official said`).

        **How the rules decide.** A sentence is on target when it names talks, a summit, diplomacy or
        a meeting between the target's two parties (their countries, capitals, leaders; from the
        entity mentions), or names talks without saying whose while the running topic is the
        target's talks (`the summit`, `such a meeting`), or holds a clear stance cue while it is; naming
        someone else's talks sets that topic aside for the rest of the paragraph.
        Off target the label is `none`. On target, cue lexicons (`stance-cues.jsonl`) add their weight
        (1–3) for `favor` or subtract it for `against`; operators written in code then act in order —
        a question or a condition (`if`, `unless`, `whether`) discounts its cues, after `but`/`however`
        or outside a `while`/`although`/`despite` clause the dominant clause's cues win, a negation or
        an invalidated reason (`not a valid reason to oppose`, `a bad reason to oppose`) reverses the
        next cue, a rebuttal (`they are wrong`) reverses the cues before it, and a hedge (`may`,
        `perhaps`) weakens one — and the label is the sign of the
        `score`. Every row lists the rules that fired and the words that made them fire (`cues`,
        with code-point offsets). Holders come from speech verbs, `according to`, possessive speech
        nouns, pronouns standing for the latest speaker, and quotations continued from the previous
        sentence (`stance-holders.jsonl`).

        **Document stance** (`documents.<target>_stance`): only sentences the author holds count;
        `favor` when the author's favor sentences outnumber the against ones, `against` when the
        reverse, `none` when they are equal. The counts are in `<target>_n_favor`, `_n_against`, `_n_none`.


        """
        return text + summary.stanceMarkdown(level: 4, documentLimit: Self.documentLimit)
    }

    /// The comparison with the previous release, under the change notes.
    private var releaseNotes: String {
        guard let changes else { return "" }
        return "\n\n" + changes.markdown(.releaseNotes).trimmingCharacters(in: .newlines)
            + "\n\nThe full list: `standoff diff <previous archive> \(manifest.releaseName).tar.gz`."
    }

    private func count(_ table: String) -> Int { summary.rowCounts[table, default: 0] }

    /// A Markdown table cell: pipes escaped, a dash when missing.
    private func cell(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "–" }
        return AnnotationStatistics.cell(value)
    }
}
