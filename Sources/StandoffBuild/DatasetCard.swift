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
    /// The commit the release was built from.
    public let sourceCommit: SourceCommit
    /// The differences from a previous release, shown as release notes; nil when none was given.
    public let changes: DatasetDiff?

    /// Creates a card.
    public init(manifest: DatasetManifest, summary: CorpusSummary, tables: DatasetTables = DatasetTables(), stanceRules: StanceRules = .none,
                reasonSummaries: [String: String] = [:], fingerprint: String = "", sourceCommit: SourceCommit = .unknown, changes: DatasetDiff? = nil) {
        self.manifest = manifest
        self.summary = summary
        self.tables = tables
        self.stanceRules = stanceRules
        self.reasonSummaries = reasonSummaries
        self.fingerprint = fingerprint
        self.sourceCommit = sourceCommit
        self.changes = changes
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
        | Licence | \(manifest.license) for the annotations, segmentation and metadata; not the article texts (see [Licence](#licence)) |
        | Documents | \(summary.documents.count) |
        | Sentences | \(count("sentences")) |
        | Entity mentions | \(count("mentions")) |
        | Stance rows | \(count("stances")) |
        | Removed boilerplate lines | \(count("removed")) |
        | Content fingerprint | `sha256:\(fingerprint)` |
        | Source commit | \(commitCell) |

        ## Intended use

        \(manifest.intendedUse ?? Self.generalIntendedUse)
        Every label was made by transparent rules (see *Annotations*), so the data suits analyses
        that need to audit why a label was given; it is not a human-annotated gold standard.

        ## Files

        Every table comes twice, with identical content: `data/<table>.jsonl` (JSON Lines, one
        object per row, keys sorted) and `data/<table>.csv` (RFC 4180, UTF-8 without BOM, CRLF
        record ends, header row). A missing value is JSON `null` and an empty CSV field; a list is
        a JSON array and, in CSV, its items joined by `; ` (an empty list is an empty field: list
        columns are never missing, which `datapackage.json` states). `datapackage.json` describes the CSV
        and JSONL tables as a Frictionless Data Package (v2) with types, categories, keys and foreign keys;
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

        Entity mentions (PERSON, GPE, ORG, NORP, EVENT) and stance \(stanceTargetsPhrase)(`favor`,
        `against`, `none`) are produced by rules kept as data in the project's
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

        """ + loadingSection + qualitySection + """
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
        version with different data have different fingerprints.

        """ + "\n" + rebuildInstructions + "\n" + """

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

    /// The source commit for the summary table: the id, and what a dirty or unknown one means.
    var commitCell: String {
        guard sourceCommit.id != nil else { return "unknown (not built from a git checkout)" }
        return "`\(sourceCommit)`" + (sourceCommit.dirty ? " (built with uncommitted changes: no commit rebuilds it exactly)" : "")
    }

    /// How to rebuild this release from its commit, or why it cannot be.
    var rebuildInstructions: String {
        let epoch = "run `make dataset` with the same `SOURCE_DATE_EPOCH` (unset: the release date), and compare `SHA256SUMS`."
        guard let id = sourceCommit.id else {
            return "This release was not built from a git checkout, so it records no commit to rebuild it from; releases made with `make release` are (tag `\(manifest.releaseName)`)."
        }
        if sourceCommit.dirty {
            return "This release was built from commit `\(id)` with uncommitted changes (`\(sourceCommit)`), so no commit rebuilds it exactly and it carries no tag; a published release is built from a clean checkout with `make release`."
        }
        return "To rebuild this exact release, check out the commit that made it, `\(id)` (`make release` marks it with the annotated tag `\(manifest.releaseName)`: `git checkout \(manifest.releaseName)`), \(epoch)"
    }

    /// *Intended use* when the manifest does not say it.
    static let generalIntendedUse = "Research on the articles listed below: sentence-level reading, entity and stance counts, and teaching or testing rule-based text processing."

    /// `toward <target>, <target> ` from the stance targets' descriptions, so the card names this
    /// corpus's targets; empty without targets.
    var stanceTargetsPhrase: String {
        guard !stanceRules.targetList.isEmpty else { return "" }
        return "toward " + stanceRules.targetList.map(\.description).joined(separator: "; ") + " "
    }

    /// Code that loads every table with its types, for each tool.
    var loadingSection: String {
        let snippets = LoadingSnippets(tables: tables.all, defaultTable: manifest.cardMetadata.defaultTable, releaseName: manifest.releaseName)
        return """
        ## How to load

        Every snippet below runs as it is from the extracted release folder, the one holding this
        `README.md` (`tar -xzf \(manifest.releaseName).tar.gz && cd \(manifest.releaseName)`), and loads
        every table with its types: `published` as a date, lists as lists, label columns
        (\(labelColumns)) as categories, missing values as the tool's NA or null.

        pandas (JSON Lines):
        ```python
        \(snippets.pandas)```

        polars (JSON Lines):
        ```python
        \(snippets.polars)```

        DuckDB (JSON Lines; lists and cue records become DuckDB lists and structs):
        ```sql
        \(snippets.duckDB)```

        R with readr (CSV; the cue records are parsed with jsonlite):
        ```r
        \(snippets.readr)```

        R with jsonlite (JSON Lines):
        ```r
        \(snippets.jsonlite)```

        Hugging Face `datasets`: this card's metadata has one config per table (`\(manifest.cardMetadata.defaultTable)` is the
        default) and types every column, labels as `ClassLabel`:
        ```python
        \(snippets.huggingFace)```

        Without extracting, from the folder the zip was downloaded to (pandas reads `zip://` URLs through fsspec):
        ```python
        \(snippets.fromArchive)```


        """
    }

    /// The columns that hold labels, for the loading section.
    private var labelColumns: String {
        tables.all.flatMap { table in table.columns.filter { $0.categories != nil }.map { "`\(table.name).\($0.name)`" } }.joined(separator: ", ")
    }

    /// The figures `make evaluate` measured for this version, from the manifest.
    var qualitySection: String {
        var text = "## Quality\n\n\(manifest.quality.method)\n\n"
        for set in manifest.quality.sets {
            text += "- **\(set.name)**: \(set.description)\n"
        }
        // A new corpus has measured nothing yet: its method says so, and an empty table says nothing.
        if !manifest.quality.sets.isEmpty { text += "\n| set | figure | value |\n|---|---|---:|\n" }
        for set in manifest.quality.sets {
            for (index, figure) in set.figures.enumerated() {
                text += "| \(index == 0 ? set.name : "") | \(AnnotationStatistics.cell(figure.figure)) | \(figure.value) |\n"
            }
        }
        return text + (manifest.quality.sets.isEmpty ? "" : "\n") + "\(manifest.quality.caveat)\n\n"
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
