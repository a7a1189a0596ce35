/// The report as Markdown: a summary table of the headline figures (with the previous report's
/// values and the change when one is given), then the detail of each measure.
extension EvaluationReport {
    /// Markdown for people; `previous` holds a previous report's figures by path (see
    /// ``figures(fromJSON:)``), `worst` how many pages or fields to list.
    /// `brief` stops after the summary table.
    public func markdown(previous: [String: Double]? = nil, worst: Int = 10, brief: Bool = false) -> String {
        var out = "## \(name)\n\n"
        if !failures.isEmpty {
            out += "\(failures.count) raw file(s) failed and are scored as empty output:\n\n"
            out += failures.prefix(worst).map { "- \(Self.cell($0))\n" }.joined() + "\n"
        }
        out += summaryTable(previous: previous)
        if brief { return out }
        if let gold { out += goldSections(gold, worst: worst) }
        if let pages { out += pageSections(pages, worst: worst) }
        return out
    }

    func summaryTable(previous: [String: Double]?) -> String {
        var out = previous == nil ? "| figure | value |\n|---|---:|\n" : "| figure | previous | value | change |\n|---|---:|---:|---:|\n"
        for figure in figures {
            guard let previous else {
                out += "| \(figure.label) | \(Self.number(figure.value, figure.path)) |\n"
                continue
            }
            guard let before = previous[figure.path] else {
                out += "| \(figure.label) | — | \(Self.number(figure.value, figure.path)) | new |\n"
                continue
            }
            let change = figure.value - before
            let mark = abs(change) < 0.00005 ? "=" : ((change > 0) == figure.higherIsBetter ? "better" : "worse")
            out += "| \(figure.label) | \(Self.number(before, figure.path)) | \(Self.number(figure.value, figure.path)) | \(Self.signed(change, figure.path)) \(mark) |\n"
        }
        return out + "\n"
    }

    func goldSections(_ gold: GoldEvaluation, worst: Int) -> String {
        var out = "\(gold.documents) documents scored"
        if !gold.missing.isEmpty { out += "; no output for \(gold.missing.count): \(gold.missing.map(Self.cell).joined(separator: ", "))" }
        out += ".\n\n### Body lines\n\n"
        out += "Positive: lines whose gold role is `body`. \(Self.rates(gold.lines))\n\n"
        out += "| gold role | lines | kept in the body |\n|---|---:|---:|\n"
        for role in LineRole.allCases.map(\.rawValue) where gold.keptByRole[role] != nil {
            let tally = gold.keptByRole[role]!
            out += "| \(role) | \(tally.total) | \(tally.right) |\n"
        }
        out += "\n"
        if !gold.bodyLinesRemovedBy.isEmpty {
            out += "Body lines removed, by reason: " + Self.ranked(gold.bodyLinesRemovedBy).map { "`\($0.key)` \($0.value)" }.joined(separator: ", ") + ".\n\n"
        }
        out += "### Metadata\n\n| field | right | of |\n|---|---:|---:|\n"
        for field in GoldEvaluation.metadataFields + ["all"] {
            let tally = gold.metadata[field, default: Tally()]
            out += "| \(field) | \(tally.right) | \(tally.total) |\n"
        }
        out += "\n"
        if !gold.metadataErrors.isEmpty {
            out += "| document | field | found | expected |\n|---|---|---|---|\n"
            for error in gold.metadataErrors.prefix(worst * 2) {
                out += "| \(Self.cell(error.doc)) | \(error.field) | \(Self.cell(error.found)) | \(Self.cell(error.expected)) |\n"
            }
            if gold.metadataErrors.count > worst * 2 { out += "| … and \(gold.metadataErrors.count - worst * 2) more | | | |\n" }
            out += "\n"
        }
        out += "### Sentences\n\n"
        out += "Boundaries inside the \(gold.paragraphsCompared.right) of \(gold.paragraphsCompared.total) output paragraphs whose text is exactly gold sentences: \(Self.rates(gold.boundaries))\n\n"
        out += "Gold sentences reproduced exactly: \(gold.sentencesExact.right) of \(gold.sentencesExact.total) (\(Self.percent(gold.sentencesExact.rate))); mentions and stance are scored over these.\n\n"
        out += "### Mentions\n\n| type | precision | recall | F1 | tp | fp | fn |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for type in gold.mentions.keys.sorted(by: { ($0 == "ALL" ? 1 : 0, $0) < ($1 == "ALL" ? 1 : 0, $1) }) {
            let score = gold.mentions[type]!
            out += "| \(type == "ALL" ? "all" : type) | \(Self.fixed(score.precision)) | \(Self.fixed(score.recall)) | \(Self.fixed(score.f1)) | \(score.tp) | \(score.fp) | \(score.fn) |\n"
        }
        out += "\nPERSON linking (pairs of mentions found with the gold text: same entity id against same canonical name): \(Self.rates(gold.personLinking))\n\n"
        out += stanceSection(gold.stance)
        out += "### Per document\n\n| document | lines F1 | metadata right | sentences exact | stance right |\n|---|---:|---:|---:|---:|\n"
        for row in gold.perDocument {
            out += "| \(Self.cell(row.doc)) | \(Self.fixed(row.lines.f1)) | \(row.metadata.right)/\(row.metadata.total) | \(row.sentencesExact.right)/\(row.sentencesExact.total) | \(row.stance.right)/\(row.stance.total) |\n"
        }
        return out + "\n"
    }

    func stanceSection(_ stance: GoldEvaluation.StanceScores) -> String {
        var out = "### Stance toward `\(stance.target)`\n\n"
        out += "\(stance.sentences) sentences; macro-F1 (favor, against) \(Self.fixed(stance.macroF1)), accuracy \(Self.fixed(stance.accuracy)).\n\n"
        out += "| label | precision | recall | F1 | gold | found |\n|---|---:|---:|---:|---:|---:|\n"
        let labels = GoldEvaluation.stanceLabels + stance.labels.keys.filter { !GoldEvaluation.stanceLabels.contains($0) }.sorted()
        for label in labels {
            let score = stance.labels[label, default: Score()]
            out += "| \(label) | \(Self.fixed(score.precision)) | \(Self.fixed(score.recall)) | \(Self.fixed(score.f1)) | \(score.tp + score.fn) | \(score.tp + score.fp) |\n"
        }
        out += "\nConfusion (rows gold, columns found):\n\n| gold \\\\ found | " + labels.joined(separator: " | ") + " |\n|---|" + labels.map { _ in "---:" }.joined(separator: "|") + "|\n"
        for gold in labels {
            out += "| \(gold) | " + labels.map { String(stance.confusion[gold]?[$0] ?? 0) }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    func pageSections(_ pages: PageEvaluation, worst: Int) -> String {
        var out = "\(pages.pages) pages\(pages.converter.map { " (dumps by \($0))" } ?? "")"
        if !pages.missing.isEmpty { out += "; no output for \(pages.missing.count)" }
        out += ". Body by the benchmark's shingle metric: precision \(Self.fixed(pages.precision)), recall \(Self.fixed(pages.recall)), F1 \(Self.fixed(pages.f1)). "
        out += "Title right on \(pages.title.right) of the \(pages.title.total) pages whose dump shows it; date right on \(pages.published.right) of \(pages.published.total). "
        out += "Empty bodies: \(pages.emptyBodies.count)"
        out += pages.emptyBodies.isEmpty ? ".\n\n" : " (" + pages.emptyBodies.prefix(worst).map { Self.short($0) }.joined(separator: ", ") + ").\n\n"
        if !pages.wordsLostBy.isEmpty {
            out += "### Article words removed, by reason\n\n| reason | words |\n|---|---:|\n"
            for (reason, words) in Self.ranked(pages.wordsLostBy).prefix(worst) { out += "| `\(reason)` | \(words) |\n" }
            out += "\n"
        }
        out += "### Worst pages\n\n| page | F1 | precision | recall | costliest removal | words kept, not article | title | date |\n|---|---:|---:|---:|---|---:|---|---|\n"
        for row in pages.perPage.prefix(worst) {
            let reason = row.costliestReason.map { "`\($0)` (\(row.wordsLost) words)" } ?? "—"
            out += "| \(Self.short(row.id)) | \(Self.fixed(row.f1)) | \(Self.fixed(row.precision)) | \(Self.fixed(row.recall)) | \(reason) | \(row.wordsExtra) | \(Self.mark(row.titleRight)) | \(Self.mark(row.publishedRight)) |\n"
        }
        return out + "\n"
    }

    static func rates(_ score: Score) -> String {
        "precision \(fixed(score.precision)), recall \(fixed(score.recall)), F1 \(fixed(score.f1)) (tp \(score.tp), fp \(score.fp), fn \(score.fn))."
    }

    static func ranked(_ counts: [String: Int]) -> [(key: String, value: Int)] {
        counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    }

    static func fixed(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        return "\(sign)\(magnitude / 1000).\(zeroPadded(magnitude % 1000, width: 3))"
    }

    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// Counts print as whole numbers, rates with three places.
    static func number(_ value: Double, _ path: String) -> String {
        path.hasSuffix(".count") ? String(Int(value)) : fixed(value)
    }

    static func signed(_ value: Double, _ path: String) -> String {
        (value >= 0 ? "+" : "") + number(value, path)
    }

    static func mark(_ right: Bool?) -> String {
        right.map { $0 ? "right" : "wrong" } ?? "—"
    }

    /// Page ids are 64 hex digits; 12 identify a page in a table.
    static func short(_ id: String) -> String {
        id.count > 16 ? String(id.prefix(12)) + "…" : cell(id)
    }

    /// Data text as a table cell: escaped, at most 80 characters.
    static func cell(_ text: String) -> String {
        let escaped = MarkdownWriter.escape(text)
        return escaped.count > 80 ? String(escaped.prefix(79)) + "…" : escaped
    }
}
