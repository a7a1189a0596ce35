extension DatasetDiff {
    /// How much of the comparison the Markdown report shows.
    public struct MarkdownOptions: Sendable, Equatable {
        /// The most items any one list shows before "… and N more".
        public var limit: Int
        /// The level of the report's own heading (`##` is 2); sections are one level below.
        public var headingLevel: Int
        /// Sentence texts longer than this many characters are shortened around what changed.
        public var textLimit: Int

        /// Creates options.
        public init(limit: Int = 20, headingLevel: Int = 2, textLimit: Int = 240) {
            self.limit = limit
            self.headingLevel = headingLevel
            self.textLimit = textLimit
        }

        /// For a pull request: up to 20 items per list.
        public static let `default` = MarkdownOptions()
        /// For a dataset card's release notes: counts, matrices and a few examples.
        public static let releaseNotes = MarkdownOptions(limit: 5, headingLevel: 3, textLimit: 160)
    }

    /// The report as Markdown, to paste into a pull request: a summary table, then one section
    /// per kind of change, lists capped at `options.limit` with "… and N more".
    public func markdown(_ options: MarkdownOptions = .default) -> String {
        var writer = MarkdownWriter(options: options)
        writer.heading(0, "Dataset changes: \(name(old)) → \(name(new))")
        writer.line("| table | old | new | change |")
        writer.line("|---|---:|---:|---:|")
        for table in ["documents", "sentences", "mentions", "stances", "removed"] {
            let (before, after) = (old.rowCounts[table] ?? 0, new.rowCounts[table] ?? 0)
            writer.line("| \(table) | \(before) | \(after) | \(after == before ? "0" : after > before ? "+\(after - before)" : "−\(before - after)") |")
        }
        writer.blank()
        for (verb, columns) in [("gained", columnsAdded), ("lost", columnsRemoved)] {
            for (table, names) in columns.sorted(by: { $0.key < $1.key }) {
                writer.line("`\(table)` \(verb) column\(names.count == 1 ? "" : "s") \(codes(names)).")
                writer.blank()
            }
        }
        guard hasChanges else {
            writer.line("No row of any table differs.")
            return writer.text
        }
        writer.line(summaryLine)
        writer.blank()
        documentsSection(&writer)
        sentencesSection(&writer)
        stancesSection(&writer)
        mentionsSection(&writer)
        linesSection(&writer)
        rulesSection(&writer)
        return writer.text
    }

    /// One sentence counting every kind of change.
    public var summaryLine: String {
        func count(_ number: Int, _ noun: String) -> String? {
            number == 0 ? nil : "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
        let sentenceKinds = Dictionary(grouping: sentenceChanges, by: \.kind)
        let mentionKinds = Dictionary(grouping: mentionChanges, by: \.kind).mapValues(\.count)
        let parts: [String?] = [
            count(documentsAdded.count, "document").map { $0 + " added" },
            count(documentsRemoved.count, "document").map { $0 + " removed" },
            count(documentsChanged.count, "document").map { $0 + " changed" },
            count(sentenceKinds[.changed]?.count ?? 0, "block").map { $0 + " of re-split or edited sentences" },
            count(sentenceKinds[.added]?.reduce(0) { $0 + $1.new.count } ?? 0, "sentence").map { $0 + " added" },
            count(sentenceKinds[.removed]?.reduce(0) { $0 + $1.old.count } ?? 0, "sentence").map { $0 + " removed" },
            count(stanceChanges.count, "stance change"),
            count(mentionChanges.count, "mention change").map { change in
                change + " (" + MentionChange.Kind.allCases.compactMap { kind in mentionKinds[kind].map { "\($0) \(kind.rawValue)" } }.joined(separator: ", ") + ")"
            },
            count(lineChanges.count, "removed-line change"),
        ]
        let listed = parts.compactMap { $0 }
        return (listed.isEmpty ? "Only column values changed" : listed.joined(separator: "; ")) + "."
    }

    private func name(_ side: Side) -> String {
        let fingerprint = side.fingerprint.map { " (sha256:\($0.prefix(12)))" } ?? ""
        return "`\(side.label)`" + (old.label == new.label ? fingerprint : "")
    }

    private func documentsSection(_ writer: inout MarkdownWriter) {
        writer.heading(1, "Documents")
        for (verb, documents) in [("Added", documentsAdded), ("Removed", documentsRemoved)] where !documents.isEmpty {
            writer.list(documents, lead: "\(verb):") { document in
                "`\(document.id)`" + (document.title.map { " " + MarkdownWriter.escape($0) } ?? "") + " (\(document.sentences) sentences)"
            }
        }
        if !documentsChanged.isEmpty {
            writer.line("| document | columns changed | sentence blocks | mentions | stances | removed lines |")
            writer.line("|---|---|---:|---:|---:|---:|")
            writer.rows(documentsChanged) { change in
                "| `\(change.id)` | \(change.columns.isEmpty ? "–" : change.columns.map { "`\($0)`" }.joined(separator: ", ")) | \(change.sentences) | \(change.mentions) | \(change.stances) | \(change.lines) |"
            }
        }
    }

    private func sentencesSection(_ writer: inout MarkdownWriter) {
        let quote = writer.quote
        guard !sentenceChanges.isEmpty || sentencesShifted > 0 else { return }
        writer.heading(1, "Sentences")
        if sentencesShifted > 0 {
            writer.line("\(sentencesShifted) sentence\(sentencesShifted == 1 ? "" : "s") kept \(sentencesShifted == 1 ? "its" : "their") text but moved (new id or offsets); they are not listed.")
            writer.blank()
        }
        writer.list(sentenceChanges, lead: nil) { change in
            var item = "**\(change.kind.rawValue)** in `\(change.docID)`"
            for sentence in change.old { item += "\n  - − `\(sentence.id)` \(quote(sentence.text))" }
            for sentence in change.new { item += "\n  - + `\(sentence.id)` \(quote(sentence.text))" }
            return item
        }
    }

    private func stancesSection(_ writer: inout MarkdownWriter) {
        let quote = writer.quote
        guard !stanceChanges.isEmpty else { return }
        writer.heading(1, "Stances")
        writer.line("Sentences present in both releases, by target; “–” is no row.")
        writer.blank()
        for target in changedTargets {
            writer.heading(2, "`\(target)`")
            let matrix = transitions(for: target)
            if !matrix.isEmpty {
                let from = Set(matrix.keys.map(\.from)).sorted { ($0 ?? "") < ($1 ?? "") }
                let to = Set(matrix.keys.map(\.to)).sorted { ($0 ?? "") < ($1 ?? "") }
                writer.line("| old ↓ · new → | " + to.map { label($0) }.joined(separator: " | ") + " |")
                writer.line("|---|" + String(repeating: "---:|", count: to.count))
                for row in from {
                    writer.line("| \(label(row)) | " + to.map { column in matrix[Transition(from: row, to: column)].map(String.init) ?? "·" }.joined(separator: " | ") + " |")
                }
                writer.blank()
                for (transition, count) in matrix.sorted(by: { $0.key < $1.key }) {
                    let changes = stanceChanges.filter { $0.target == target && $0.from == transition.from && $0.to == transition.to }
                    writer.list(changes, lead: "\(label(transition.from)) → \(label(transition.to)): \(count)") { change in
                        "`\(change.sentence.id)` \(quote(change.sentence.text))" + rules(change)
                    }
                }
            }
            let holders = stanceChanges.filter { $0.target == target && $0.from == $0.to && $0.oldHolder != $0.newHolder }
            writer.list(holders, lead: holders.isEmpty ? nil : "Holder changed: \(holders.count)") { change in
                "`\(change.sentence.id)` \(label(change.oldHolder)) → \(label(change.newHolder)) \(quote(change.sentence.text))" + rules(change)
            }
            let evidence = stanceChanges.filter { $0.target == target && $0.from == $0.to && $0.oldHolder == $0.newHolder }
            writer.list(evidence, lead: evidence.isEmpty ? nil : "Same label and holder, other rules, cues or score: \(evidence.count)") { change in
                "`\(change.sentence.id)` \(label(change.to)) \(quote(change.sentence.text))" + rules(change)
            }
        }
    }

    private func rules(_ change: StanceChange) -> String {
        guard change.oldRules != change.newRules else { return change.newRules.isEmpty ? "" : " (rules: \(codes(change.newRules)))" }
        return " (rules: \(change.oldRules.isEmpty ? "–" : codes(change.oldRules)) → \(change.newRules.isEmpty ? "–" : codes(change.newRules)))"
    }

    private func mentionsSection(_ writer: inout MarkdownWriter) {
        let quote = writer.quote
        guard !mentionChanges.isEmpty else { return }
        writer.heading(1, "Mentions")
        for (title, key) in [("type", \MentionRef.type), ("entity", \MentionRef.entityID)] {
            let counts = mentionCounts(by: { $0[keyPath: key] })
            writer.line("| \(title) | added | removed | retyped | relinked |")
            writer.line("|---|---:|---:|---:|---:|")
            writer.rows(counts.sorted { $0.key < $1.key }) { entry in
                "| `\(entry.key)` | " + MentionChange.Kind.allCases.map { String(entry.value[$0] ?? 0) }.joined(separator: " | ") + " |"
            }
        }
        writer.list(mentionChanges, lead: nil) { change in
            let shown = change.new ?? change.old!
            let what: String
            switch change.kind {
            case .added: what = "added \(describe(shown))"
            case .removed: what = "removed \(describe(shown))"
            case .retyped, .relinked:
                what = "\(change.kind.rawValue) \(describe(change.old!)) → \(describe(change.new!))"
            }
            return "\(what) in `\(change.sentence.id)` " + quote(change.sentence.text, highlighting: shown.start..<shown.end)
        }
    }

    private func describe(_ mention: MentionRef) -> String {
        "**\(MarkdownWriter.escape(mention.text))** \(mention.type) `\(mention.entityID)` (rule `\(mention.rule)`)"
    }

    private func linesSection(_ writer: inout MarkdownWriter) {
        let quote = writer.quote
        guard !lineChanges.isEmpty else { return }
        writer.heading(1, "Removed lines")
        writer.list(lineChanges, lead: nil) { change in
            let what: String
            switch change.kind {
            case .removed: what = "now removed as `\(change.newReason ?? "")`"
            case .kept: what = "now kept in the body (was removed as `\(change.oldReason ?? "")`)"
            case .reason: what = "removed as `\(change.newReason ?? "")`, was `\(change.oldReason ?? "")`"
            case .text: what = "text changed (still `\(change.newReason ?? "")`)"
            }
            return "`\(change.docID)` line \(change.line) \(what): \(quote(change.text))"
        }
    }

    private func rulesSection(_ writer: inout MarkdownWriter) {
        let effects = ruleEffects
        guard !effects.isEmpty else { return }
        writer.heading(1, "By rule")
        writer.line("Each change counted under the rule ids on its old and new rows (mention `rule`, stance `rules`, removed-line `reason`).")
        writer.blank()
        let columns = Effect.allCases.filter { effect in effects.contains { $0.counts[effect] != nil } }
        writer.line("| rule | " + columns.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: " | ") + " |")
        writer.line("|---|" + String(repeating: "---:|", count: columns.count))
        writer.rows(effects) { effect in
            "| `\(effect.rule)` | " + columns.map { effect.counts[$0].map(String.init) ?? "·" }.joined(separator: " | ") + " |"
        }
    }

    private func label(_ value: String?) -> String {
        value.map { "`\($0)`" } ?? "–"
    }

    private func codes(_ values: [String]) -> String {
        values.map { "`\($0)`" }.joined(separator: ", ")
    }
}
