import Foundation
import Testing
@testable import StandoffCore

@Suite("Dataset diff")
struct DatasetDiffTests {
    typealias D = DatasetDiff

    static let talks = DiffDocument("d", ["Japan should talk to North Korea.", "Kim said no.", "Tokyo waited."])
        .mention(0, "Japan", "GPE", "japan").mention(0, "North Korea", "GPE", "north-korea").mention(1, "Kim", "PERSON", "kim-jong-un")
        .stance(0, "dialogue", "favor", rules: ["favor-cue"]).stance(1, "dialogue", "none", rules: []).stance(2, "dialogue", "none", rules: [])
        .removedLine(1, "Share this", "share-prompt").removedLine(2, "Advertisement", "advertisement")

    static func diff(_ old: [DiffDocument], _ new: [DiffDocument], extra: [String: [String: JSONValue]] = [:]) throws -> DatasetDiff {
        DatasetDiff(old: try DiffFixture.release("v1", old), new: try DiffFixture.release("v2", new, extra: extra))
    }

    @Test func identicalReleasesHaveNoChanges() throws {
        let diff = try Self.diff([Self.talks], [Self.talks])
        #expect(!diff.hasChanges)
        #expect(diff.documentsChanged.isEmpty && diff.sentenceChanges.isEmpty && diff.mentionChanges.isEmpty)
        #expect(diff.stanceChanges.isEmpty && diff.lineChanges.isEmpty && diff.ruleEffects.isEmpty && diff.sentencesShifted == 0)
        #expect(diff.markdown().contains("No row of any table differs."))
        #expect(diff.json.rendered.contains(#""has_changes":false"#))
    }

    @Test func documentsAddedAndRemovedAreListedWhole() throws {
        let other = DiffDocument("e", ["Seoul spoke.", "Again."], title: "Seoul")
        let diff = try Self.diff([Self.talks], [other])
        #expect(diff.documentsAdded == [D.DocumentRef(id: "e", title: "Seoul", sentences: 2)])
        #expect(diff.documentsRemoved == [D.DocumentRef(id: "d", title: nil, sentences: 3)])
        #expect(diff.documentsChanged.isEmpty && diff.sentenceChanges.isEmpty && diff.mentionChanges.isEmpty && diff.ruleEffects.isEmpty)
        #expect(diff.hasChanges)
    }

    @Test func anInsertedSentenceIsReportedAndTheRenumberedOnesAreNot() throws {
        var new = Self.talks
        new.sentences.insert("A new opening.", at: 0)
        for index in new.mentions.indices { new.mentions[index].sentence += 1 }
        for index in new.stances.indices { new.stances[index].sentence += 1 }
        let diff = try Self.diff([Self.talks], [new])
        #expect(diff.sentenceChanges == [D.SentenceChange(docID: "d", old: [], new: [D.SentenceRef(id: "d-s0000", text: "A new opening.")])])
        #expect(diff.sentenceChanges.first?.kind == .added)
        #expect(diff.sentencesShifted == 3)
        // Mentions and stances moved with their sentences: not changes.
        #expect(diff.mentionChanges.isEmpty)
        #expect(diff.stanceChanges.isEmpty)
        #expect(diff.documentsChanged == [D.DocumentChange(id: "d", columns: ["n_sentences", "text"], sentences: 1, mentions: 0, stances: 0, lines: 0)])
    }

    @Test func aResplitSentenceIsOneChangedBlockAndItsMentionsStay() throws {
        let old = DiffDocument("d", ["Talks resumed.", "Mr. Kim came. Abe left."]).mention(1, "Abe", "PERSON", "shinzo-abe")
        let new = DiffDocument("d", ["Talks resumed.", "Mr. Kim came.", "Abe left."]).mention(2, "Abe", "PERSON", "shinzo-abe")
        let diff = try Self.diff([old], [new])
        #expect(diff.sentenceChanges == [D.SentenceChange(
            docID: "d", old: [D.SentenceRef(id: "d-s0001", text: "Mr. Kim came. Abe left.")],
            new: [D.SentenceRef(id: "d-s0001", text: "Mr. Kim came."), D.SentenceRef(id: "d-s0002", text: "Abe left.")])])
        #expect(diff.sentenceChanges.first?.kind == .changed)
        // The document text is the same, so the mention keeps its span although its sentence changed.
        #expect(diff.mentionChanges.isEmpty)
        #expect(diff.documentsChanged.map(\.columns) == [["n_sentences"]])
    }

    @Test func mentionsAddedRemovedRetypedAndRelinked() throws {
        var new = DiffDocument("d", Self.talks.sentences)
            .mention(0, "Japan", "NORP", "japan", rule: "japan-demonym")       // retyped
            .mention(0, "North Korea", "GPE", "dprk")                            // relinked
            .mention(2, "Tokyo", "GPE", "tokyo")                                 // added
        new.stances = Self.talks.stances
        new.removed = Self.talks.removed                                         // and "Kim" is removed
        let diff = try Self.diff([Self.talks], [new])
        #expect(diff.mentionChanges.map(\.kind) == [.retyped, .relinked, .removed, .added])
        let retyped = try #require(diff.mentionChanges.first)
        #expect(retyped.old == D.MentionRef(text: "Japan", type: "GPE", entityID: "japan", rule: "japan", start: 0, end: 5))
        #expect(retyped.new == D.MentionRef(text: "Japan", type: "NORP", entityID: "japan", rule: "japan-demonym", start: 0, end: 5))
        #expect(retyped.sentence == D.SentenceRef(id: "d-s0000", text: "Japan should talk to North Korea."))
        #expect(diff.mentionChanges[2].sentence.id == "d-s0001" && diff.mentionChanges[2].old?.start == 0)
        #expect(diff.mentionChanges[3].new == D.MentionRef(text: "Tokyo", type: "GPE", entityID: "tokyo", rule: "tokyo", start: 0, end: 5))

        let byType = diff.mentionCounts(by: \.type)
        #expect(byType["GPE"] == [.retyped: 1, .relinked: 1, .added: 1])
        #expect(byType["NORP"] == [.retyped: 1])
        #expect(byType["PERSON"] == [.removed: 1])
        let byEntity = diff.mentionCounts(by: \.entityID)
        #expect(byEntity["north-korea"] == [.relinked: 1] && byEntity["dprk"] == [.relinked: 1] && byEntity["japan"] == [.retyped: 1])

        let effects = Dictionary(uniqueKeysWithValues: diff.ruleEffects.map { ($0.rule, $0.counts) })
        #expect(effects == [
            "japan": [.mentionsRetyped: 1], "japan-demonym": [.mentionsRetyped: 1],
            "north-korea": [.mentionsRelinked: 1], "dprk": [.mentionsRelinked: 1],
            "kim-jong-un": [.mentionsRemoved: 1], "tokyo": [.mentionsAdded: 1],
        ])
    }

    @Test func mentionsInAShiftedSentenceMoveWithIt() throws {
        // A removed line became body text before the sentences: every offset shifts.
        var new = Self.talks
        new.sentences.insert("Share this.", at: 0)
        for index in new.mentions.indices { new.mentions[index].sentence += 1 }
        for index in new.stances.indices { new.stances[index].sentence += 1 }
        new = new.mention(3, "Tokyo", "GPE", "tokyo")
        new.removed.removeFirst()
        let diff = try Self.diff([Self.talks], [new])
        #expect(diff.mentionChanges.map(\.kind) == [.added])
        #expect(diff.mentionChanges.first?.sentence == D.SentenceRef(id: "d-s0003", text: "Tokyo waited."))
        #expect(diff.lineChanges == [D.LineChange(kind: .kept, docID: "d", line: 1, text: "Share this", oldReason: "share-prompt", newReason: nil)])
    }

    @Test func stanceTransitionMatrixPerTarget() throws {
        let old = DiffDocument("d", ["One.", "Two.", "Three.", "Four.", "Five."])
            .stance(0, "dialogue", "none", rules: []).stance(1, "dialogue", "none", rules: []).stance(2, "dialogue", "favor", rules: ["cue-a"])
            .stance(3, "dialogue", "none", rules: []).stance(0, "sanctions", "against", rules: ["cue-s"])
        let new = DiffDocument("d", old.sentences)
            .stance(0, "dialogue", "favor", rules: ["cue-b"]).stance(1, "dialogue", "favor", rules: ["cue-b"]).stance(2, "dialogue", "against", rules: ["cue-c"])
            .stance(3, "dialogue", "none", holder: "kim-jong-un", rules: []).stance(4, "dialogue", "none", rules: [])
            .stance(0, "sanctions", "against", rules: ["cue-s"])
        let diff = try Self.diff([old], [new])
        #expect(diff.changedTargets == ["dialogue"])
        #expect(diff.transitions(for: "dialogue") == [
            D.Transition(from: "none", to: "favor"): 2,
            D.Transition(from: "favor", to: "against"): 1,
            D.Transition(from: nil, to: "none"): 1,
        ])
        #expect(diff.stanceChanges.map(\.sentence.id) == ["d-s0000", "d-s0001", "d-s0002", "d-s0003", "d-s0004"])
        let holder = diff.stanceChanges[3]
        #expect(holder.from == "none" && holder.to == "none" && holder.oldHolder == "author" && holder.newHolder == "kim-jong-un")
        #expect(diff.stanceChanges[2].sentence.text == "Three." && diff.stanceChanges[2].oldRules == ["cue-a"] && diff.stanceChanges[2].newRules == ["cue-c"])

        let effects = Dictionary(uniqueKeysWithValues: diff.ruleEffects.map { ($0.rule, $0.counts[.stancesChanged]) })
        #expect(effects == ["cue-a": 1, "cue-b": 2, "cue-c": 1, "(none)": 2])

        let markdown = diff.markdown()
        #expect(markdown.contains("| old ↓ · new → | `against` | `favor` | `none` |"))
        #expect(markdown.contains("| `none` | · | 2 | · |"))
        #expect(markdown.contains("| – | · | · | 1 |"))
        #expect(markdown.contains("`none` → `favor`: 2"))
        #expect(markdown.contains("- `d-s0001` “Two.” (rules: – → `cue-b`)"))
        #expect(markdown.contains("Holder changed: 1"))
    }

    /// A row whose label and holder stay but whose rules changed is reported on its own list,
    /// so a document never shows as changed with nothing said about why.
    @Test func stanceEvidenceChangesAreListed() throws {
        let old = DiffDocument("d", ["One.", "Two."]).stance(0, "dialogue", "favor", rules: ["cue-a", "cue-b"]).stance(1, "dialogue", "none", rules: [])
        let new = DiffDocument("d", old.sentences).stance(0, "dialogue", "favor", rules: ["cue-a"]).stance(1, "dialogue", "none", rules: [])
        let diff = try Self.diff([old], [new])
        #expect(diff.stanceChanges.map(\.sentence.id) == ["d-s0000"])
        #expect(diff.transitions(for: "dialogue").isEmpty)
        #expect(diff.documentsChanged.map(\.stances) == [1])
        let markdown = diff.markdown()
        #expect(markdown.contains("Same label and holder, other rules, cues or score: 1"))
        #expect(markdown.contains("- `d-s0000` `favor` “One.” (rules: `cue-a`, `cue-b` → `cue-a`)"))
        #expect(!markdown.contains("Holder changed"))
    }

    @Test func removedLineChangesByKindAndRule() throws {
        var raw = Self.talks
        raw.removed = []
        let old = raw.removedLine(1, "Share this", "share-prompt").removedLine(2, "Advertisement", "advertisement")
            .removedLine(3, "Menu", "navigation-label").removedLine(4, "© 2024", "copyright-notice")
        let new = raw.removedLine(1, "Share this", "after-body").removedLine(3, "Menu", "navigation-label")
            .removedLine(4, "© 2025", "copyright-notice").removedLine(5, "Related", "related-link")
        let diff = try Self.diff([old], [new])
        #expect(diff.lineChanges == [
            D.LineChange(kind: .reason, docID: "d", line: 1, text: "Share this", oldReason: "share-prompt", newReason: "after-body"),
            D.LineChange(kind: .kept, docID: "d", line: 2, text: "Advertisement", oldReason: "advertisement", newReason: nil),
            D.LineChange(kind: .text, docID: "d", line: 4, text: "© 2025", oldReason: "copyright-notice", newReason: "copyright-notice"),
            D.LineChange(kind: .removed, docID: "d", line: 5, text: "Related", oldReason: nil, newReason: "related-link"),
        ])
        let effects = Dictionary(uniqueKeysWithValues: diff.ruleEffects.map { ($0.rule, $0.counts) })
        #expect(effects == [
            "share-prompt": [.linesReasonChanged: 1], "after-body": [.linesReasonChanged: 1],
            "advertisement": [.linesKept: 1], "related-link": [.linesRemoved: 1],
        ])
    }

    @Test func extraColumnsAreToleratedAndReported() throws {
        let diff = try Self.diff([Self.talks], [Self.talks], extra: ["mentions": ["salience": .integer(1)], "stances": ["confidence": .array([])]])
        #expect(diff.columnsAdded == ["mentions": ["salience"], "stances": ["confidence"]])
        #expect(diff.columnsRemoved.isEmpty)
        // The shared columns agree, so nothing is reported as a mention or stance change…
        #expect(diff.mentionChanges.isEmpty && diff.stanceChanges.isEmpty)
        // …but the rows do differ, and the document says so.
        #expect(diff.documentsChanged == [D.DocumentChange(id: "d", columns: [], sentences: 0, mentions: 0, stances: 0, lines: 0)])
        #expect(diff.markdown().contains("`mentions` gained column `salience`."))
    }

    @Test func markdownListsAreCappedAndTextIsEscaped() throws {
        let sentences = (0..<30).map { "Item \($0) *is* | here." }
        var new = DiffDocument("d", sentences)
        for index in 0..<30 { new = new.mention(index, "Item", "ORG", "item-\(index)") }
        let diff = try Self.diff([DiffDocument("d", sentences)], [new])
        #expect(diff.mentionChanges.count == 30)
        let markdown = diff.markdown(D.MarkdownOptions(limit: 5))
        #expect(markdown.contains("- … and 25 more"))
        #expect(markdown.components(separatedBy: "\n- added ").count - 1 == 5)
        #expect(markdown.contains("“**Item** 0 \\*is\\* \\| here.”"))
        #expect(markdown.contains("30 mention changes (30 added)"))
        // The per-entity table is capped too.
        #expect(markdown.contains("| … and 25 more |"))
    }

    @Test func longSentencesAreShortenedAroundTheMention() throws {
        let long = String(repeating: "word ", count: 100) + "Japan" + String(repeating: " word", count: 100) + "."
        let diff = try Self.diff([DiffDocument("d", [long])], [DiffDocument("d", [long]).mention(0, "Japan", "GPE", "japan")])
        let markdown = diff.markdown(D.MarkdownOptions(textLimit: 40))
        let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("- added") })
        #expect(line.contains("“…") && line.contains("…”") && line.contains("**Japan**"))
        #expect(line.count < 200)
    }

    @Test func jsonIsCompleteSortedAndDeterministic() throws {
        let diff = try Self.diff([Self.talks], [Self.talks.mention(2, "Tokyo", "GPE", "tokyo")])
        let text = diff.json.prettyRendered
        #expect(text == (try Self.diff([Self.talks], [Self.talks.mention(2, "Tokyo", "GPE", "tokyo")])).json.prettyRendered)
        let topKeys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topKeys == ["columns", "documents", "has_changes", "mentions", "new", "old", "removed", "rules", "sentences", "stances"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let mentions = try #require(object["mentions"] as? [String: Any])
        let changes = try #require(mentions["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes.first?["kind"] as? String == "added" && changes.first?["sentence_text"] as? String == "Tokyo waited.")
        #expect((object["rules"] as? [String: [String: Int]])?["tokyo"] == ["mentions_added": 1])
    }

    struct AlignmentCase: Sendable, CustomTestStringConvertible {
        var old: [String]
        var new: [String]
        var pairs: [[Int]]
        var testDescription: String { "\(old) → \(new)" }
    }

    static let alignments: [AlignmentCase] = [
        AlignmentCase(old: ["a", "b", "c"], new: ["a", "b", "c"], pairs: [[0, 0], [1, 1], [2, 2]]),
        AlignmentCase(old: ["a", "b", "c"], new: ["x", "a", "b", "c"], pairs: [[0, 1], [1, 2], [2, 3]]),
        AlignmentCase(old: ["a", "b c", "d"], new: ["a", "b", "c", "d"], pairs: [[0, 0], [2, 3]]),
        AlignmentCase(old: ["a", "b", "c", "d"], new: ["a", "c", "b", "d"], pairs: [[0, 0], [2, 1], [3, 3]]),
        AlignmentCase(old: [], new: ["a"], pairs: []),
        AlignmentCase(old: ["a", "a"], new: ["a"], pairs: [[0, 0]]),
        AlignmentCase(old: ["x", "a", "y", "b"], new: ["a", "z", "b", "w"], pairs: [[1, 0], [3, 2]]),
    ]

    @Test("sentences are paired by text in order", arguments: alignments)
    func alignment(_ example: AlignmentCase) {
        #expect(SentenceAlignment.matches(example.old, example.new).map { [$0.old, $0.new] } == example.pairs)
    }
}
