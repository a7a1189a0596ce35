/// What changed between two releases of the dataset, table by table: documents, sentence
/// boundaries, stance labels, entity mentions and removed lines, and which rules caused it.
///
/// Computed from the tables alone (no file system), so it is the same whether the releases
/// came from archives or folders. Sentences of a document present in both releases are paired
/// by text (see ``SentenceAlignment``), so renumbering after an inserted paragraph is not
/// reported as a change; mentions are paired by span and stances by sentence and target.
/// Added and removed documents are listed whole, not sentence by sentence.
public struct DatasetDiff: Sendable, Equatable {
    /// One release as the report names it.
    public struct Side: Sendable, Equatable {
        /// Usually `<name>-<version>`.
        public var label: String
        /// The content fingerprint from `datapackage.json`, when known.
        public var fingerprint: String?
        /// Table name → number of rows.
        public var rowCounts: [String: Int]
    }

    /// A sentence as shown in the report.
    public struct SentenceRef: Sendable, Equatable {
        /// `<doc_id>-s<index>`.
        public var id: String
        /// The sentence text.
        public var text: String
    }

    /// A document that is in only one of the releases.
    public struct DocumentRef: Sendable, Equatable {
        /// The document id.
        public var id: String
        /// Its title, when it has one.
        public var title: String?
        /// How many sentences it has.
        public var sentences: Int
    }

    /// A document in both releases whose rows differ.
    public struct DocumentChange: Sendable, Equatable {
        /// The document id.
        public var id: String
        /// The columns of its `documents` row that differ, sorted.
        public var columns: [String]
        /// How many sentence changes (blocks of added, removed or re-split sentences) it has.
        public var sentences: Int
        /// How many mention changes.
        public var mentions: Int
        /// How many stance changes.
        public var stances: Int
        /// How many removed-line changes.
        public var lines: Int
    }

    /// A block of consecutive sentences of one document that differ: old ones replaced by new ones.
    public struct SentenceChange: Sendable, Equatable {
        /// What happened to the block.
        public enum Kind: String, Sendable {
            /// Only new sentences.
            case added
            /// Only old sentences.
            case removed
            /// Old sentences replaced by new ones: boundaries moved or text changed.
            case changed
        }

        /// The document.
        public var docID: String
        /// The sentences before, in order (empty when added).
        public var old: [SentenceRef]
        /// The sentences after, in order (empty when removed).
        public var new: [SentenceRef]

        /// Added, removed or changed.
        public var kind: Kind {
            old.isEmpty ? .added : new.isEmpty ? .removed : .changed
        }
    }

    /// A stance row that changed on a sentence present in both releases: its label, its holder,
    /// or only its evidence (rules, cues, score).
    public struct StanceChange: Sendable, Equatable {
        /// The stance target.
        public var target: String
        /// The sentence, as in the new release.
        public var sentence: SentenceRef
        /// The sentence's id in the old release (differs when sentences were renumbered).
        public var oldSentenceID: String
        /// The old label; nil when the old release has no row for this sentence and target.
        public var from: String?
        /// The new label; nil when the new release has no row.
        public var to: String?
        /// The old and new holder.
        public var oldHolder: String?, newHolder: String?
        /// The rules on the old and new rows.
        public var oldRules: [String], newRules: [String]
    }

    /// One cell of a stance transition matrix.
    public struct Transition: Sendable, Hashable, Comparable {
        /// The old label; nil for no row.
        public var from: String?
        /// The new label; nil for no row.
        public var to: String?

        public static func < (lhs: Transition, rhs: Transition) -> Bool {
            (lhs.from ?? "", lhs.to ?? "") < (rhs.from ?? "", rhs.to ?? "")
        }
    }

    /// A mention as shown in the report.
    public struct MentionRef: Sendable, Equatable {
        /// The mention as written.
        public var text: String
        /// Its type (PERSON, GPE, …).
        public var type: String
        /// Its entity id.
        public var entityID: String
        /// The rule that made it.
        public var rule: String
        /// Start and end offsets in code points within the sentence shown with the change.
        public var start: Int, end: Int
    }

    /// A mention that appeared, vanished, or changed type or entity.
    public struct MentionChange: Sendable, Equatable {
        /// What happened.
        public enum Kind: String, Sendable, CaseIterable {
            /// Only the new release has a mention with this span.
            case added
            /// Only the old release has it.
            case removed
            /// Same span, another type (its entity may differ too).
            case retyped
            /// Same span and type, another entity.
            case relinked
        }

        /// What happened.
        public var kind: Kind
        /// The document.
        public var docID: String
        /// The sentence holding the mention: the new one, or the old one for a removed mention.
        public var sentence: SentenceRef
        /// The mention before (nil when added), offsets relative to `sentence` when it is the old sentence.
        public var old: MentionRef?
        /// The mention after (nil when removed), offsets relative to `sentence`.
        public var new: MentionRef?
    }

    /// A raw line whose boilerplate status changed.
    public struct LineChange: Sendable, Equatable {
        /// What happened.
        public enum Kind: String, Sendable, CaseIterable {
            /// The line is now removed (it was body text).
            case removed
            /// The line is now kept in the body (it was removed).
            case kept
            /// Still removed, for another reason.
            case reason
            /// Still removed for the same reason, but its text changed (the raw file changed).
            case text
        }

        /// What happened.
        public var kind: Kind
        /// The document.
        public var docID: String
        /// 1-based raw line number.
        public var line: Int
        /// The line's text (the new text when both releases have it).
        public var text: String
        /// The old and new removal reasons (nil where the line was body text).
        public var oldReason: String?, newReason: String?
    }

    /// The kinds of effect counted per rule.
    public enum Effect: String, Sendable, CaseIterable, Comparable {
        /// Mentions the rule's new rows added.
        case mentionsAdded = "mentions_added"
        /// Mentions on the rule's old rows that are gone.
        case mentionsRemoved = "mentions_removed"
        /// Mentions whose type changed, with the rule on the old or the new row.
        case mentionsRetyped = "mentions_retyped"
        /// Mentions whose entity changed, with the rule on the old or the new row.
        case mentionsRelinked = "mentions_relinked"
        /// Stance labels or holders that changed, with the rule among the old or new row's rules.
        case stancesChanged = "stances_changed"
        /// Raw lines now removed for this reason that were body text.
        case linesRemoved = "lines_removed"
        /// Raw lines once removed for this reason that are now body text.
        case linesKept = "lines_kept"
        /// Raw lines still removed, whose reason changed from or to this one.
        case linesReasonChanged = "lines_reason_changed"

        public static func < (lhs: Effect, rhs: Effect) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What the changes attributed to one rule id add up to.
    public struct RuleEffect: Sendable, Equatable {
        /// The rule id as it appears on the rows (mention `rule`, stance `rules`, removed `reason`).
        public var rule: String
        /// Effect → count; only non-zero counts.
        public var counts: [Effect: Int]
    }

    /// The old release.
    public var old: Side
    /// The new release.
    public var new: Side
    /// Columns only the new release's rows have, by table (later versions add columns).
    /// Tables empty in either release are left out: their columns cannot be seen.
    public var columnsAdded: [String: [String]] = [:]
    /// Columns only the old release's rows have, by table.
    public var columnsRemoved: [String: [String]] = [:]
    /// Documents only in the new release, by id.
    public var documentsAdded: [DocumentRef] = []
    /// Documents only in the old release, by id.
    public var documentsRemoved: [DocumentRef] = []
    /// Documents in both whose rows differ, by id.
    public var documentsChanged: [DocumentChange] = []
    /// Blocks of added, removed or re-split sentences, in document and text order.
    public var sentenceChanges: [SentenceChange] = []
    /// Sentences with the same text in both releases whose id or offsets changed (renumbered or shifted).
    public var sentencesShifted = 0
    /// Stance changes, by target, then document and sentence order.
    public var stanceChanges: [StanceChange] = []
    /// Mention changes, in document and text order.
    public var mentionChanges: [MentionChange] = []
    /// Removed-line changes, in document and line order.
    public var lineChanges: [LineChange] = []

    /// Whether the two releases' tables differ at all.
    public var hasChanges: Bool {
        !documentsAdded.isEmpty || !documentsRemoved.isEmpty || !documentsChanged.isEmpty
    }

    /// The stance targets that have changes, sorted.
    public var changedTargets: [String] {
        Set(stanceChanges.map(\.target)).sorted()
    }

    /// The transition matrix of `target`: how many sentences went from one label to another
    /// (holder-only changes are not counted).
    public func transitions(for target: String) -> [Transition: Int] {
        var counts: [Transition: Int] = [:]
        for change in stanceChanges where change.target == target && change.from != change.to {
            counts[Transition(from: change.from, to: change.to), default: 0] += 1
        }
        return counts
    }

    /// Mention changes counted by kind for each value of `key` (type or entity id); a retyped or
    /// relinked mention counts under both its old and its new value when they differ.
    public func mentionCounts(by key: (MentionRef) -> String) -> [String: [MentionChange.Kind: Int]] {
        var counts: [String: [MentionChange.Kind: Int]] = [:]
        for change in mentionChanges {
            for value in Set([change.old, change.new].compactMap { $0.map(key) }) {
                counts[value, default: [:]][change.kind, default: 0] += 1
            }
        }
        return counts
    }

    /// Every rule id on an old or new row of a change, with what those changes add up to, sorted by rule id.
    public var ruleEffects: [RuleEffect] {
        var counts: [String: [Effect: Int]] = [:]
        func add(_ rules: [String?], _ effect: Effect) {
            for rule in Set(rules.compactMap { $0 }) {
                counts[rule.isEmpty ? "(none)" : rule, default: [:]][effect, default: 0] += 1
            }
        }
        for change in mentionChanges {
            let effect: Effect = switch change.kind {
            case .added: .mentionsAdded
            case .removed: .mentionsRemoved
            case .retyped: .mentionsRetyped
            case .relinked: .mentionsRelinked
            }
            add([change.old?.rule, change.new?.rule], effect)
        }
        for change in stanceChanges {
            let rules = change.oldRules + change.newRules
            add(rules.isEmpty ? ["(none)"] : rules, .stancesChanged)
        }
        for change in lineChanges {
            switch change.kind {
            case .removed: add([change.newReason], .linesRemoved)
            case .kept: add([change.oldReason], .linesKept)
            case .reason: add([change.oldReason, change.newReason], .linesReasonChanged)
            case .text: break
            }
        }
        return counts.map { RuleEffect(rule: $0.key, counts: $0.value) }.sorted { $0.rule < $1.rule }
    }

    /// Compares two releases' tables.
    public init(old: ReleaseTables, new: ReleaseTables) {
        self.old = Side(label: old.label, fingerprint: old.fingerprint, rowCounts: old.tables.mapValues(\.count))
        self.new = Side(label: new.label, fingerprint: new.fingerprint, rowCounts: new.tables.mapValues(\.count))
        for table in Set(old.tables.keys).union(new.tables.keys) {
            let (was, now) = (old.rows(table), new.rows(table))
            guard !was.isEmpty, !now.isEmpty else { continue }
            let (oldColumns, newColumns) = (Set(was.flatMap(\.values.keys)), Set(now.flatMap(\.values.keys)))
            if !newColumns.subtracting(oldColumns).isEmpty { columnsAdded[table] = newColumns.subtracting(oldColumns).sorted() }
            if !oldColumns.subtracting(newColumns).isEmpty { columnsRemoved[table] = oldColumns.subtracting(newColumns).sorted() }
        }
        let before = Corpus(old)
        let after = Corpus(new)
        for id in Set(before.documents.keys).union(after.documents.keys).sorted() {
            switch (before.documents[id], after.documents[id]) {
            case let (nil, document?):
                documentsAdded.append(DocumentRef(id: id, title: document.string("title"), sentences: after.sentences[id]?.count ?? 0))
            case let (document?, nil):
                documentsRemoved.append(DocumentRef(id: id, title: document.string("title"), sentences: before.sentences[id]?.count ?? 0))
            case let (oldDocument?, newDocument?):
                compareDocument(id, oldDocument, newDocument, before, after)
            case (nil, nil):
                break
            }
        }
    }
}

extension DatasetDiff {
    /// One release's rows grouped by document, sentences in text order.
    private struct Corpus {
        var documents: [String: TableRow] = [:]
        var sentences: [String: [TableRow]] = [:]
        var mentions: [String: [TableRow]] = [:]
        var stances: [String: [TableRow]] = [:]
        var removed: [String: [TableRow]] = [:]

        init(_ release: ReleaseTables) {
            for row in release.rows("documents") { documents[row.string("doc_id") ?? ""] = row }
            sentences = Self.grouped(release.rows("sentences"))
            for (id, rows) in sentences {
                sentences[id] = rows.enumerated().sorted { ($0.element.integer("index") ?? $0.offset, $0.offset) < ($1.element.integer("index") ?? $1.offset, $1.offset) }.map(\.element)
            }
            mentions = Self.grouped(release.rows("mentions"))
            stances = Self.grouped(release.rows("stances"))
            removed = Self.grouped(release.rows("removed"))
        }

        private static func grouped(_ rows: [TableRow]) -> [String: [TableRow]] {
            Dictionary(grouping: rows) { $0.string("doc_id") ?? "" }
        }
    }

    private static func reference(_ sentence: TableRow) -> SentenceRef {
        SentenceRef(id: sentence.string("sentence_id") ?? "", text: sentence.string("text") ?? "")
    }

    /// A mention with offsets made relative to the sentence it is shown in.
    private static func mention(_ row: TableRow, in sentence: TableRow?) -> MentionRef {
        let base = sentence?.integer("start") ?? 0
        return MentionRef(text: row.string("text") ?? "", type: row.string("type") ?? "", entityID: row.string("entity_id") ?? "",
                          rule: row.string("rule") ?? "", start: (row.integer("start") ?? 0) - base, end: (row.integer("end") ?? 0) - base)
    }

    private mutating func compareDocument(_ id: String, _ oldDocument: TableRow, _ newDocument: TableRow, _ before: Corpus, _ after: Corpus) {
        let counts = (sentenceChanges.count, mentionChanges.count, stanceChanges.count, lineChanges.count)
        let oldSentences = before.sentences[id] ?? []
        let newSentences = after.sentences[id] ?? []

        // Sentences: paired by text; the gaps between pairs are the changed blocks.
        let pairs = SentenceAlignment.matches(oldSentences.map { $0.string("text") ?? "" }, newSentences.map { $0.string("text") ?? "" })
        var pairedByOldID: [String: (old: TableRow, new: TableRow)] = [:]
        var nextOld = 0
        var nextNew = 0
        for (oldIndex, newIndex) in pairs + [(old: oldSentences.count, new: newSentences.count)] {
            if oldIndex > nextOld || newIndex > nextNew {
                sentenceChanges.append(SentenceChange(docID: id, old: oldSentences[nextOld..<oldIndex].map(Self.reference),
                                                      new: newSentences[nextNew..<newIndex].map(Self.reference)))
            }
            if oldIndex < oldSentences.count {
                let (oldSentence, newSentence) = (oldSentences[oldIndex], newSentences[newIndex])
                if oldSentence.changedColumns(from: newSentence).contains(where: { ["sentence_id", "index", "start", "end", "paragraph"].contains($0) }) {
                    sentencesShifted += 1
                }
                pairedByOldID[oldSentence.string("sentence_id") ?? ""] = (oldSentence, newSentence)
            }
            nextOld = oldIndex + 1
            nextNew = newIndex + 1
        }

        compareMentions(id, sameText: oldDocument.string("text") == newDocument.string("text"), pairedByOldID: pairedByOldID,
                        oldSentences: oldSentences, newSentences: newSentences, before: before.mentions[id] ?? [], after: after.mentions[id] ?? [])
        compareStances(pairedByOldID: pairedByOldID, before: before.stances[id] ?? [], after: after.stances[id] ?? [])
        compareRemoved(id, before: before.removed[id] ?? [], after: after.removed[id] ?? [])

        let columns = newDocument.changedColumns(from: oldDocument)
        let change = DocumentChange(id: id, columns: columns, sentences: sentenceChanges.count - counts.0, mentions: mentionChanges.count - counts.1,
                                    stances: stanceChanges.count - counts.2, lines: lineChanges.count - counts.3)
        if !columns.isEmpty || change.sentences + change.mentions + change.stances + change.lines > 0
            || Self.rowsDiffer(before, after, id) {
            documentsChanged.append(change)
        }
    }

    /// Whether any row of the document differs, to catch changes no section describes (a column
    /// only a newer release has, a rule id that changed while the label stayed).
    private static func rowsDiffer(_ before: Corpus, _ after: Corpus, _ id: String) -> Bool {
        before.sentences[id] != after.sentences[id] || before.mentions[id] != after.mentions[id]
            || before.stances[id] != after.stances[id] || before.removed[id] != after.removed[id]
    }

    private struct Span: Hashable {
        var start: Int
        var end: Int
    }

    private mutating func compareMentions(_ id: String, sameText: Bool, pairedByOldID: [String: (old: TableRow, new: TableRow)],
                                          oldSentences: [TableRow], newSentences: [TableRow], before: [TableRow], after: [TableRow]) {
        let oldSentenceByID = Dictionary(oldSentences.map { ($0.string("sentence_id") ?? "", $0) }) { first, _ in first }
        let newSentenceByID = Dictionary(newSentences.map { ($0.string("sentence_id") ?? "", $0) }) { first, _ in first }

        // Where an old mention would be in the new text: the same offsets when the text is
        // unchanged, else shifted with its sentence, or nowhere when its sentence changed.
        func mappedSpan(_ mention: TableRow) -> Span? {
            guard let start = mention.integer("start"), let end = mention.integer("end") else { return nil }
            if sameText { return Span(start: start, end: end) }
            guard let pair = pairedByOldID[mention.string("sentence_id") ?? ""],
                  let oldStart = pair.old.integer("start"), let newStart = pair.new.integer("start") else { return nil }
            return Span(start: start - oldStart + newStart, end: end - oldStart + newStart)
        }

        var unmatched: [Span: [Int]] = [:]
        for (position, mention) in after.enumerated() {
            if let start = mention.integer("start"), let end = mention.integer("end") {
                unmatched[Span(start: start, end: end), default: []].append(position)
            }
        }
        var matchedNew = Set<Int>()
        var changes: [MentionChange] = []

        for mention in before {
            let oldSentence = oldSentenceByID[mention.string("sentence_id") ?? ""]
            if let span = mappedSpan(mention), let position = unmatched[span]?.first {
                unmatched[span]?.removeFirst()
                matchedNew.insert(position)
                let counterpart = after[position]
                let kind: MentionChange.Kind? = mention.string("type") != counterpart.string("type") ? .retyped
                    : mention.string("entity_id") != counterpart.string("entity_id") ? .relinked : nil
                guard let kind else { continue }
                let newSentence = newSentenceByID[counterpart.string("sentence_id") ?? ""]
                changes.append(MentionChange(
                    kind: kind, docID: id, sentence: newSentence.map(Self.reference) ?? SentenceRef(id: counterpart.string("sentence_id") ?? "", text: ""),
                    old: Self.mention(mention, in: newSentence).with(offsetsOf: Self.mention(counterpart, in: newSentence)),
                    new: Self.mention(counterpart, in: newSentence)))
            } else {
                // Shown in its sentence's unchanged new counterpart when there is one (same text,
                // so the same relative offsets), else in the old sentence.
                let shown = pairedByOldID[mention.string("sentence_id") ?? ""]?.new ?? oldSentence
                let shownMention = Self.mention(mention, in: oldSentence)
                let sentence = shown.map(Self.reference) ?? SentenceRef(id: mention.string("sentence_id") ?? "", text: "")
                changes.append(MentionChange(kind: .removed, docID: id, sentence: sentence, old: shownMention, new: nil))
            }
        }
        for (position, mention) in after.enumerated() where !matchedNew.contains(position) {
            let sentence = newSentenceByID[mention.string("sentence_id") ?? ""]
            changes.append(MentionChange(
                kind: .added, docID: id, sentence: sentence.map(Self.reference) ?? SentenceRef(id: mention.string("sentence_id") ?? "", text: ""),
                old: nil, new: Self.mention(mention, in: sentence)))
        }
        // Sentence ids of one document sort in text order (the index is zero-padded).
        func key(_ change: MentionChange) -> (String, Int, Int, Int) {
            let mention = change.new ?? change.old
            return (change.sentence.id, mention?.start ?? 0, mention?.end ?? 0, MentionChange.Kind.allCases.firstIndex(of: change.kind)!)
        }
        mentionChanges += changes.sorted { key($0) < key($1) }
    }

    private mutating func compareStances(pairedByOldID: [String: (old: TableRow, new: TableRow)], before: [TableRow], after: [TableRow]) {
        let oldRows = Dictionary(grouping: before) { $0.string("sentence_id") ?? "" }
        let newRows = Dictionary(grouping: after) { $0.string("sentence_id") ?? "" }
        var changes: [StanceChange] = []
        for (oldID, pair) in pairedByOldID {
            let newID = pair.new.string("sentence_id") ?? ""
            let oldByTarget = Dictionary((oldRows[oldID] ?? []).map { ($0.string("target") ?? "", $0) }) { first, _ in first }
            let newByTarget = Dictionary((newRows[newID] ?? []).map { ($0.string("target") ?? "", $0) }) { first, _ in first }
            for target in Set(oldByTarget.keys).union(newByTarget.keys) {
                let (was, now) = (oldByTarget[target], newByTarget[target])
                let change = StanceChange(target: target, sentence: Self.reference(pair.new), oldSentenceID: oldID,
                                          from: was?.string("label"), to: now?.string("label"),
                                          oldHolder: was?.string("holder"), newHolder: now?.string("holder"),
                                          oldRules: was?.strings("rules") ?? [], newRules: now?.strings("rules") ?? [])
                // Same label and holder but other rules, cues or score still count: the evidence a
                // reviewer audits changed, and the document's rows differ.
                let evidence = ["rules", "cues", "score"].contains { was?.values[$0] != now?.values[$0] }
                if was == nil || now == nil || change.from != change.to || change.oldHolder != change.newHolder || evidence {
                    changes.append(change)
                }
            }
        }
        // Sentence ids of one document sort in text order (the index is zero-padded).
        stanceChanges += changes.sorted { ($0.target, $0.sentence.id) < ($1.target, $1.sentence.id) }
    }

    private mutating func compareRemoved(_ id: String, before: [TableRow], after: [TableRow]) {
        let oldLines = Dictionary(before.map { ($0.integer("line") ?? 0, $0) }) { first, _ in first }
        let newLines = Dictionary(after.map { ($0.integer("line") ?? 0, $0) }) { first, _ in first }
        for line in Set(oldLines.keys).union(newLines.keys).sorted() {
            let (was, now) = (oldLines[line], newLines[line])
            let kind: LineChange.Kind
            switch (was, now) {
            case (nil, _?): kind = .removed
            case (_?, nil): kind = .kept
            case let (was?, now?) where was.string("reason") != now.string("reason"): kind = .reason
            case let (was?, now?) where was.string("text") != now.string("text"): kind = .text
            default: continue
            }
            lineChanges.append(LineChange(kind: kind, docID: id, line: line, text: (now ?? was)?.string("text") ?? "",
                                          oldReason: was?.string("reason"), newReason: now?.string("reason")))
        }
    }
}

extension DatasetDiff.MentionRef {
    /// This mention's type, entity and rule at `other`'s offsets (a retyped mention has one span).
    fileprivate func with(offsetsOf other: Self) -> Self {
        var copy = self
        copy.start = other.start
        copy.end = other.end
        return copy
    }
}
