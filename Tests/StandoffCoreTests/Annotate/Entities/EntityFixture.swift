import StandoffTestSupport
@testable import StandoffCore

/// The project's entity rules, decoded once, and helpers that annotate small texts.
enum EntityFixture {
    /// Both entity rule files, decoded; a broken file fails every user with its own message.
    static let rules: EntityRules = TestRules.ruleSet.entities

    static let annotator = ExampleStages.project.entities

    /// A document whose text is `text`, cut into sentences by the project's splitter.
    static func document(_ text: String, id: String = "d") -> Document {
        ExampleStages.project.document(text, id: id)
    }

    /// A document that is exactly one sentence, however many periods it has.
    static func oneSentence(_ text: String, id: String = "d") -> Document {
        ExampleStages.oneSentence(text, id: id)
    }

    /// The mentions and warnings for `document`.
    static func annotate(_ document: Document) -> (mentions: [Mention], diagnostics: [Diagnostic]) {
        ExampleStages.project.mentions(in: document)
    }

    /// `text` with its `[…]` marks removed, and the marked spans as code-point ranges of the result.
    static func unbracket(_ text: String) -> (text: String, spans: [Range<Int>]) {
        var plain = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var open: Int?
        for scalar in text.unicodeScalars {
            switch scalar {
            case "[": open = plain.count
            case "]":
                if let start = open { spans.append(start..<plain.count) }
                open = nil
            default: plain.append(scalar)
            }
        }
        return (String(plain), spans)
    }

    /// Every way `mentions` breaks the annotator's contract for `document`; empty when none.
    static func contractViolations(_ mentions: [Mention], in document: Document) -> [String] {
        let scalars = Array(document.text.unicodeScalars)
        var problems: [String] = []
        var previous: Mention?
        for mention in mentions {
            if let previous {
                if (previous.start, previous.end) > (mention.start, mention.end) { problems.append("'\(mention.text)' is out of order") }
                if previous.end > mention.start { problems.append("'\(previous.text)' overlaps '\(mention.text)'") }
            }
            previous = mention
            guard document.sentences.indices.contains(mention.sentenceIndex) else {
                problems.append("'\(mention.text)' names sentence \(mention.sentenceIndex)")
                continue
            }
            let sentence = document.sentences[mention.sentenceIndex]
            if !(sentence.start <= mention.start && mention.start < mention.end && mention.end <= sentence.end) {
                problems.append("'\(mention.text)' at \(mention.start)..<\(mention.end) is not inside its sentence")
                continue
            }
            if EntityText.string(scalars[mention.start..<mention.end]) != mention.text { problems.append("'\(mention.text)' is not its slice") }
            if EntityType(rawValue: mention.type) == nil { problems.append("'\(mention.text)' has type \(mention.type)") }
            if !EntityText.isSlug(mention.entityID) { problems.append("'\(mention.text)' has id '\(mention.entityID)'") }
        }
        return problems
    }
}
