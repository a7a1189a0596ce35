/// Finds who holds a sentence's stance: the author, or the speaker the sentence quotes or reports.
///
/// In order, the first that names a speaker wins:
/// 1. a speech verb (`holder-speech-verb` lines) with its subject: the first person, organisation
///    or place named in the clause before the verb (`Abe now says that…`, `“…,” Dr. Cheong told the
///    paper`), or, when the verb follows a quotation, the name right after it (`“…,” said Ms. Kim`);
///    a pronoun subject (`she`, `the paper`) stands for the latest speaker of its type (`pronoun`
///    lines). A verb in a `what`/`which`/`who` clause attributes nothing (`the opposite of what Kim said`).
///    `according to X` (`according-to` lines) is read in the same pass, in text order.
/// 2. a possessive name before a speech noun (`Kim Yo-jong’s assertion that…`).
/// 3. a sentence that opens a quotation without attribution continues the previous sentence's
///    speaker in the same paragraph (`holder-quote-continuation`, a rule in code).
///
/// A speaker no one names (`critics say`, `“…,” one official said`, `a senior LDP lawmaker said`:
/// `unnamed-source` lines) makes the holder `unnamed`; a name right before such a noun only
/// modifies it. When the verb's clause is empty because an aside sits between subject and verb
/// (`X, a former envoy, said`), the subject is read from the sentence's first clause. Nationality
/// words name no one, and a verb must be written in lower case outside any name (`the United
/// States` holds no `states`).
struct HolderResolver: Sendable {
    static let quoteContinuation = StanceRuleDescription(
        identifier: "holder-quote-continuation",
        summary: "A sentence that opens a quotation without saying who speaks continues the previous sentence's speaker in the paragraph.",
        examples: [
            StanceRuleExample("“Talks help,” said Kim Yo-jong. “A summit with Tokyo is worth attempting.”", label: "favor", holder: "kim-yo-jong"),
            StanceRuleExample("Kim Yo-jong spoke. “A summit with Tokyo is worth attempting.”", label: "favor", holder: "author", fires: false),
        ]
    )

    /// A holder found for a sentence.
    struct Found: Sendable, Equatable {
        /// The entity id, or `author`.
        var holder: String
        /// The type of the holder's entity (`PERSON`, `ORG`, `GPE`), for later pronouns.
        var type: String?
        /// Rule ids that fired, with the words that triggered them (code-point ranges in the sentence).
        var fired: [(rule: String, range: Range<Int>)]

        static func == (lhs: Found, rhs: Found) -> Bool {
            lhs.holder == rhs.holder && lhs.type == rhs.type && lhs.fired.map(\.rule) == rhs.fired.map(\.rule)
                && lhs.fired.map(\.range) == rhs.fired.map(\.range)
        }
    }

    /// What earlier sentences leave for pronouns and quotation continuations.
    struct Memory: Sendable {
        /// Speakers found so far, latest last.
        var speakers: [(entity: String, type: String)] = []
        /// Mentions of earlier sentences, latest last.
        var mentions: [(entity: String, type: String)] = []
        /// The previous sentence's paragraph and holder.
        var previous: (paragraph: Int, holder: Found)?
    }

    /// A phrase from a holder line, as token keys.
    struct Phrase: Sendable {
        let rule: String
        let kind: StanceHolderRule.Kind
        let keys: [String]
        let refersTo: String?
        let notFollowedBy: Set<String>
    }

    let phrases: [Phrase]
    /// Indices into `phrases` by their first key, in `phrases` order. Looking each token up
    /// finds the few phrases that could start there.
    let phrasesByFirstKey: [String: [Int]]
    /// Phrases without tokens, which may start anywhere.
    let phrasesWithoutKeys: [Int]
    /// The shapes of the phrases' first keys: most tokens are ruled out without hashing their key.
    let firstKeyShapes: WordShapes

    init(rules: [RuleLine<StanceHolderRule>]) {
        var phrases: [Phrase] = []
        for line in rules {
            guard let kind = line.rule.resolvedKind else { continue }
            for word in line.rule.words {
                phrases.append(Phrase(rule: line.rule.id, kind: kind, keys: StanceText(word).tokens.map(\.key), refersTo: line.rule.refersTo,
                                      notFollowedBy: Set(line.rule.notFollowedBy ?? [])))
            }
        }
        // Longer phrases first, so `the paper` is found before `the`.
        self.phrases = phrases.sorted { $0.keys.count > $1.keys.count }
        var phrasesByFirstKey: [String: [Int]] = [:]
        var phrasesWithoutKeys: [Int] = []
        for (index, phrase) in self.phrases.enumerated() {
            guard let first = phrase.keys.first else {
                phrasesWithoutKeys.append(index)
                continue
            }
            phrasesByFirstKey[first, default: []].append(index)
        }
        self.phrasesByFirstKey = phrasesByFirstKey
        self.phrasesWithoutKeys = phrasesWithoutKeys
        firstKeyShapes = WordShapes(phrasesByFirstKey.keys)
    }

    static let quotes: WordSet = ["\"", "“", "”", "‘", "'", "„", "«", "»"]
    /// Modals that make a speech verb a recommendation (`Tokyo should insist`), not a report.
    static let deontic: WordSet = ["should", "must", "shall"]
    /// Words after which a speech verb's form is a noun (`resist the urge`, `a claim`, `his warning`).
    static let determiners: WordSet = ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "any", "every"]
    static let embedding: WordSet = ["what", "which", "who", "whom", "whose", "how"]
    static let clauseStarters: WordSet = ["that", "and", "but", "or"]
    static let speakerTypes: Set<String> = ["PERSON", "ORG", "GPE"]

    /// A phrase that may start at a token: an index into `phrases` and the token's index.
    typealias Candidate = (phrase: Int, start: Int)

    /// Where phrases could start in `text`, whatever their kind, sorted by phrase then token.
    ///
    /// Trying every phrase at every token was a large part of `annotate`'s time, so candidates
    /// come from looking each token's key up in `phrasesByFirstKey`, once per sentence for all
    /// the kinds ``occurrences(_:among:in:)`` is asked for.
    func candidates(in text: StanceText) -> [Candidate] {
        let tokens = text.tokens
        var candidates: [Candidate] = []
        for start in tokens.indices {
            let key = tokens[start].key
            guard firstKeyShapes.mayContain(key), let indices = phrasesByFirstKey[key] else { continue }
            for index in indices where start + phrases[index].keys.count <= tokens.count {
                candidates.append((index, start))
            }
        }
        if !phrasesWithoutKeys.isEmpty {
            for start in 0...tokens.count {
                for index in phrasesWithoutKeys { candidates.append((index, start)) }
            }
        }
        candidates.sort { ($0.phrase, $0.start) < ($1.phrase, $1.start) }
        return candidates
    }

    /// Phrases of `kinds` found in the text among `candidates` (see ``candidates(in:)``):
    /// (index into `phrases`, first token, token count).
    ///
    /// Phrases are tried in `phrases` order (longest first), each from left to right, and a token
    /// an earlier find covers starts no other.
    func occurrences(_ kinds: [StanceHolderRule.Kind], among candidates: [Candidate], in text: StanceText) -> [(phrase: Int, start: Int, count: Int)] {
        let tokens = text.tokens
        var found: [(phrase: Int, start: Int, count: Int)] = []
        var covered = [Bool](repeating: false, count: tokens.count + 1)
        for (index, start) in candidates where !covered[start] && kinds.contains(phrases[index].kind) {
            let keys = phrases[index].keys
            let count = keys.count
            if (1..<max(count, 1)).allSatisfy({ tokens[start + $0].key == keys[$0] }),
               !(start + count < tokens.count && phrases[index].notFollowedBy.contains(tokens[start + count].key)) {
                found.append((index, start, count))
                for position in start..<(start + count) { covered[position] = true }
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    /// The holder of `text`, a sentence in paragraph `paragraph` with `mentions`, given what earlier sentences left.
    func holder(of text: StanceText, paragraph: Int, mentions: [SentenceMention], memory: Memory) -> Found {
        let tokens = text.tokens
        func span(_ start: Int, _ count: Int) -> Range<Int> { tokens[start].start..<tokens[start + count - 1].end }
        let candidates = self.candidates(in: text)
        let pronouns = occurrences([.pronoun], among: candidates, in: text)
        func pronoun(in range: Range<Int>) -> Found? {
            guard let hit = pronouns.first(where: { range.contains($0.start) }), let type = phrases[hit.phrase].refersTo else { return nil }
            let entity = memory.speakers.last { $0.type == type }?.entity ?? memory.mentions.last { $0.type == type }?.entity
            guard let entity else { return nil }
            return Found(holder: entity, type: type, fired: [(phrases[hit.phrase].rule, span(hit.start, hit.count))])
        }

        let unnamedSources = occurrences([.unnamedSource], among: candidates, in: text).filter { hit in
            !mentions.contains { $0.range.contains(tokens[hit.start].start) }
        }
        /// The speaker heading the tokens `range`: the first name or unnamed-source noun, a name
        /// right before such a noun being its modifier (`a senior LDP lawmaker`).
        func subject(in range: Range<Int>) -> Found? {
            guard !range.isEmpty else { return nil }
            let source = unnamedSources.first { range.contains($0.start) }
            let from = tokens[range.lowerBound].start, to = tokens[range.upperBound - 1].end
            let speaker = mentions.first { mention in
                guard Self.speakerTypes.contains(mention.type), mention.range.lowerBound >= from, mention.range.lowerBound < to else { return false }
                let next = text.tokenIndex(atOrAfter: mention.range.upperBound)
                return !unnamedSources.contains { $0.start == next }
            }
            if let source, speaker.map({ text.tokenIndex(atOrAfter: $0.range.lowerBound) > source.start }) ?? true {
                // Typed as a person so that a later `he said` can stand for the same unnamed speaker.
                return Found(holder: StanceAnnotator.unnamed, type: "PERSON", fired: [(phrases[source.phrase].rule, span(source.start, source.count))])
            }
            if let speaker { return Found(holder: speaker.entityID, type: speaker.type, fired: []) }
            return nil
        }

        // A speech verb is written in lower case and is no part of a name (`the United States`).
        let isVerb = { (start: Int) in
            let token = tokens[start]
            return !EntityText.isUppercase(text.scalars[token.start]) && !mentions.contains { $0.range.contains(token.start) }
        }
        for hit in occurrences([.speechVerb, .accordingTo], among: candidates, in: text)
        where phrases[hit.phrase].kind == .accordingTo || isVerb(hit.start)
            && !(hit.start > 0 && (Self.deontic.contains(tokens[hit.start - 1].key) || Self.determiners.contains(tokens[hit.start - 1].key))) {
            let phrase = phrases[hit.phrase]
            let trigger = (rule: phrase.rule, range: span(hit.start, hit.count))
            let after = (hit.start + hit.count)..<min(text.clauseEnd(after: hit.start + hit.count - 1), hit.start + hit.count + 8)
            if phrase.kind == .accordingTo {
                if var found = subject(in: after), found.type != "GPE" {
                    found.fired.insert(trigger, at: 0)
                    return found
                }
                continue
            }
            var clauseStart = hit.start
            while clauseStart > 0 {
                let previous = tokens[clauseStart - 1]
                // `South Korea and the United States might find`: `and` between names joins one subject.
                let joinsNames = (previous.key == "and" || previous.key == "or") && clauseStart >= 2
                    && mentions.contains { $0.range.contains(tokens[clauseStart - 2].start) }
                if text.isClauseBreak(clauseStart - 1) || Self.quotes.contains(previous.key) || (Self.clauseStarters.contains(previous.key) && !joinsNames) { break }
                clauseStart -= 1
            }
            let before = clauseStart..<hit.start
            if tokens[before].contains(where: { Self.embedding.contains($0.key) }) { continue }
            if var found = subject(in: before) ?? pronoun(in: before) {
                found.fired.insert(trigger, at: 0)
                return found
            }
            guard !tokens[before].contains(where: \.isWord) else { continue }
            // `“…,” said X`: nothing but the quotation before the verb.
            if (max(0, clauseStart - 2)..<clauseStart).contains(where: { Self.quotes.contains(tokens[$0].key) }) {
                if var found = subject(in: after) ?? pronoun(in: after) {
                    found.fired.insert(trigger, at: 0)
                    return found
                }
            } else if clauseStart > 0, let firstBreak = (0..<clauseStart).first(where: text.isClauseBreak), firstBreak > 0,
                      !tokens[0..<firstBreak].contains(where: { Self.embedding.contains($0.key) }),
                      var found = subject(in: 0..<firstBreak) {
                // `X, a former envoy, said`: the aside leaves the clause empty; the subject opens the sentence.
                found.fired.insert(trigger, at: 0)
                return found
            }
        }

        for hit in occurrences([.speechNoun], among: candidates, in: text) where hit.start > 0 {
            let owner = tokens[hit.start - 1]
            guard owner.key.hasSuffix("'s") else { continue }
            if let speaker = mentions.first(where: { Self.speakerTypes.contains($0.type) && $0.range.upperBound == owner.end - 2 }) {
                return Found(holder: speaker.entityID, type: speaker.type, fired: [(phrases[hit.phrase].rule, span(hit.start, hit.count))])
            }
        }

        if let first = tokens.first, ["“", "\""].contains(first.key), let previous = memory.previous,
           previous.paragraph == paragraph, previous.holder.holder != StanceAnnotator.author {
            return Found(holder: previous.holder.holder, type: previous.holder.type,
                         fired: [(HolderResolver.quoteContinuation.identifier, first.start..<first.end)])
        }
        return Found(holder: StanceAnnotator.author, type: nil, fired: [])
    }
}
