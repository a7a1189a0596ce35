/// The patterns that find names by their shape rather than by a title or head word: `the North`,
/// speaker labels in transcripts, romanised Japanese names, and Korean and Chinese names after a
/// family name. Each looks at a word and at most its next two, so a sentence costs linear time.
extension EntityPatterns {
    /// Candidates of every shape pattern in one sentence. `blocked[offset]` is true where a title or
    /// another entity's name starts; `heads[offset]` where a head word starts.
    func shapeCandidates(in hits: [EntityMatcher.Hit], tokens: SentenceTokens, blocked: [Bool]) -> [EntityCandidate] {
        var heads = [Bool](repeating: false, count: tokens.scalars.count + 1)
        for hit in hits { if case .head = hit.key { heads[hit.start] = true } }
        var candidates = articleCandidates(in: hits, tokens: tokens)
        if let speaker = speakerCandidate(tokens: tokens, blocked: blocked) { candidates.append(speaker) }
        candidates += syllableCandidates(tokens: tokens, blocked: blocked, heads: heads)
        var inside = [Bool](repeating: false, count: tokens.scalars.count + 1)
        for hit in hits {
            switch hit.key {
            case .alias, .demonym: for offset in (hit.start + 1)..<hit.end { inside[offset] = true }
            default: break
            }
        }
        candidates += surnameCandidates(tokens: tokens, blocked: blocked, heads: heads, inside: inside)
        candidates += appositiveCandidates(tokens: tokens, blocked: blocked, heads: heads)
        return candidates
    }

    /// `the North`, `The South’s`: an article-name word right after `the`, not joined by a hyphen
    /// or a space to another capitalised word (`the North Korean`, `the North-South talks`).
    func articleCandidates(in hits: [EntityMatcher.Hit], tokens: SentenceTokens) -> [EntityCandidate] {
        var candidates: [EntityCandidate] = []
        for hit in hits {
            guard case let .word(pattern) = hit.key, hit.start >= 4, tokens.scalar(at: hit.start - 1, is: " "),
                  let articleIndex = tokens.word(startingAt: hit.start - 4), tokens.words[articleIndex].end == hit.start - 1 else { continue }
            let article = tokens.text(tokens.words[articleIndex])
            guard article == "the" || article == "The" else { continue }
            if EntityText.isHyphenAt(hit.end, in: tokens.scalars) { continue }
            if tokens.scalar(at: hit.end, is: " "), let next = tokens.word(startingAt: hit.end + 1), tokens.words[next].capitalised { continue }
            candidates.append(EntityCandidate(start: hit.start, end: hit.end, source: .pattern(pattern), title: nil))
        }
        return candidates
    }

    /// A transcript turn's speaker: up to four words in capitals that open the sentence and end in
    /// a colon (`DANA REYES: Welcome.`), none of them a title, a known entity or a label such as `Q`.
    func speakerCandidate(tokens: SentenceTokens, blocked: [Bool]) -> EntityCandidate? {
        guard let pattern = speakerPattern, let labels = speakerLabels, let first = tokens.words.first else { return nil }
        var end = first.start
        var index = 0
        while index < tokens.words.count && index < 4 {
            let word = tokens.words[index]
            guard index == 0 || word.start == end + 1, !blocked[word.start], isCapitals(word, in: tokens),
                  !labels.contains(tokens.text(word)) else { return nil }
            end = word.end
            index += 1
            if tokens.scalar(at: end, is: ":") { break }
        }
        guard tokens.scalar(at: end, is: ":") else { return nil }
        return EntityCandidate(start: first.start, end: end, source: index == 1 ? .bare : .pattern(pattern), title: nil)
    }

    /// Two adjacent capitalised words, each spelt wholly in one syllables line (`Noriko Ashida`,
    /// `TANAKA Hitoshi`), neither a stop word, a head word or the start of another name.
    func syllableCandidates(tokens: SentenceTokens, blocked: [Bool], heads: [Bool]) -> [EntityCandidate] {
        guard let (pattern, set) = syllableLine else { return [] }
        var candidates: [EntityCandidate] = []
        var previousFits = false
        for (index, word) in tokens.words.enumerated() {
            let length = word.end - word.start
            // Short words in capitals are acronyms (`NASA`), not names.
            let capitals = length > 1 && tokens.scalars[word.start..<word.end].allSatisfy(EntityText.isUppercase)
            let fits = length >= 3 && (!capitals || length >= 5) && nameWord(word, in: tokens, blocked: blocked, heads: heads)
                && set.spells(tokens.scalars[word.start..<word.end])
            if fits && previousFits {
                let previous = tokens.words[index - 1]
                // One word of five letters or more: pairs of short words are as often English (`Main Menu`).
                if previous.end + 1 == word.start && tokens.scalar(at: previous.end, is: " ") && max(length, previous.end - previous.start) >= 5 {
                    candidates.append(EntityCandidate(start: previous.start, end: word.end, source: .pattern(pattern), title: nil))
                }
            }
            previousFits = fits
        }
        return candidates
    }

    /// A surname line's family name, one space, and a given name of the line's shape.
    func surnameCandidates(tokens: SentenceTokens, blocked: [Bool], heads: [Bool], inside: [Bool]) -> [EntityCandidate] {
        guard !surnames.isEmpty else { return [] }
        var candidates: [EntityCandidate] = []
        for (index, word) in tokens.words.enumerated() where word.capitalised && !word.initial && !blocked[word.start] && index + 1 < tokens.words.count {
            // A word inside another entity's name starts none (`Kong` of `Hong Kong`).
            if inside[word.start] { continue }
            let given = tokens.words[index + 1]
            guard given.start == word.end + 1, tokens.scalar(at: word.end, is: " "),
                  nameWord(given, in: tokens, blocked: blocked, heads: heads) else { continue }
            let family = tokens.text(word)
            for line in surnames where line.families.contains(family) {
                switch line.given {
                case .hyphenated:
                    guard index + 2 < tokens.words.count, EntityText.isHyphenAt(given.end, in: tokens.scalars) else { continue }
                    let rest = tokens.words[index + 2]
                    guard rest.start == given.end + 1, !rest.capitalised, tokens.scalars[rest.start..<rest.end].allSatisfy({ EntityText.isLetter($0) }) else { continue }
                    candidates.append(EntityCandidate(start: word.start, end: rest.end, source: .pattern(line.pattern), title: nil))
                case .syllables:
                    guard !EntityText.isHyphenAt(given.end, in: tokens.scalars), let set = syllableSets[line.pattern],
                          set.spells(tokens.scalars[given.start..<given.end]) else { continue }
                    candidates.append(EntityCandidate(start: word.start, end: given.end, source: .pattern(line.pattern), title: nil))
                case .split:
                    guard let set = syllableSets[line.pattern], set.spells(tokens.scalars[given.start..<given.end]),
                          index + 2 < tokens.words.count else { continue }
                    let second = tokens.words[index + 2]
                    guard second.start == given.end + 1, set.spells(tokens.scalars[second.start..<second.end]) else { continue }
                    if EntityText.isHyphenAt(given.end, in: tokens.scalars) {
                        guard !second.capitalised else { continue }
                    } else {
                        guard tokens.scalar(at: given.end, is: " "), nameWord(second, in: tokens, blocked: blocked, heads: heads),
                              !EntityText.isHyphenAt(second.end, in: tokens.scalars) else { continue }
                    }
                    candidates.append(EntityCandidate(start: word.start, end: second.end, source: .pattern(line.pattern), title: nil))
                }
                break
            }
        }
        return candidates
    }

    /// Two or three capitalised words (initials aside) right before a comma and an apposition that
    /// names a role: `Ana Ruiz, a former negotiator`, `Ana J. Ruiz, who`. The apposition is read at
    /// most six words far, so the cost per comma is constant.
    func appositiveCandidates(tokens: SentenceTokens, blocked: [Bool], heads: [Bool]) -> [EntityCandidate] {
        guard !appositives.isEmpty else { return [] }
        var candidates: [EntityCandidate] = []
        for (index, word) in tokens.words.enumerated() where index + 1 < tokens.words.count {
            // The last word of the name, then ", " and the apposition's first word.
            guard tokens.scalar(at: word.end, is: ","), tokens.scalar(at: word.end + 1, is: " ") else { continue }
            let opener = tokens.words[index + 1]
            guard opener.start == word.end + 2, !opener.capitalised else { continue }
            // Walk back over the name: up to three name words, with initials between or before them.
            var parts = 0
            var cursor = index
            var nameStart = index
            var longer = false
            while true {
                let part = tokens.words[cursor]
                guard part.initial ? parts > 0 : nameWord(part, in: tokens, blocked: blocked, heads: heads) else { break }
                if !part.initial { parts += 1 }
                nameStart = cursor
                guard cursor > 0 else { break }
                let before = tokens.words[cursor - 1]
                guard before.end + 1 == part.start, tokens.scalar(at: before.end, is: " ") else { break }
                if parts == 3 {
                    // A fourth capitalised word: more likely a longer name of something else.
                    longer = before.capitalised && !stopWords.contains(tokens.text(before))
                    break
                }
                cursor -= 1
            }
            guard parts >= 2, !longer, !tokens.words[nameStart].initial || parts >= 2 else { continue }
            let openerText = tokens.text(opener)
            for line in appositives {
                var fits = false
                if let openers = line.openers {
                    if openers.contains(openerText) {
                        let last = min(tokens.words.count - 1, index + 7)
                        fits = (index + 2...max(index + 2, last)).contains { $0 < tokens.words.count && line.roles.contains(tokens.text(tokens.words[$0]).lowercased()) }
                    }
                } else {
                    fits = line.roles.contains(openerText)
                }
                if fits {
                    candidates.append(EntityCandidate(start: tokens.words[nameStart].start, end: word.end, source: .pattern(line.pattern), title: nil))
                    break
                }
            }
        }
        return candidates
    }

    /// Where the family name stands in a name a pattern found.
    enum NameOrder: Sendable {
        /// Last, unless a hyphenated given name follows the first word (``EntityLinker/families(of:)``).
        case usual
        /// First: names after a surname line's family name, and romanised names whose first word is in capitals (`TANAKA Hitoshi`).
        case familyFirst
        /// Either word of a two-word romanised name (`Tanaka Hitoshi` or `Hitoshi Tanaka`).
        case either
    }

    /// The order of a name that pattern line `pattern` found.
    func nameOrder(of pattern: Int, text: String) -> NameOrder {
        switch kinds[pattern] {
        case .surname: return .familyFirst
        case .syllables:
            let first = text.unicodeScalars.prefix { $0 != " " }
            return first.count > 1 && first.allSatisfy(EntityText.isUppercase) && !text.unicodeScalars.allSatisfy({ !EntityText.isLetter($0) || EntityText.isUppercase($0) }) ? .familyFirst : .either
        default: return .usual
        }
    }

    /// The syllables line, if there is one.
    private var syllableLine: (Int, SyllableSet)? {
        for (index, kind) in kinds.enumerated() where kind == .syllables {
            if let set = syllableSets[index] { return (index, set) }
        }
        return nil
    }

    /// A capitalised word of letters only, in title case or capitals, that is no stop word, head
    /// word or start of another name.
    private func nameWord(_ word: SentenceTokens.Word, in tokens: SentenceTokens, blocked: [Bool], heads: [Bool]) -> Bool {
        guard word.capitalised, !word.initial, !blocked[word.start], !heads[word.start] else { return false }
        let letters = tokens.scalars[word.start..<word.end]
        guard letters.allSatisfy(EntityText.isLetter) else { return false }
        let rest = letters.dropFirst()
        guard rest.allSatisfy({ !EntityText.isUppercase($0) }) || rest.allSatisfy(EntityText.isUppercase) else { return false }
        return !stopWords.contains(EntityText.nameCase(tokens.text(word)))
    }

    /// Whether a word is in capitals (`REYES`, `Q`).
    private func isCapitals(_ word: SentenceTokens.Word, in tokens: SentenceTokens) -> Bool {
        tokens.scalars[word.start..<word.end].allSatisfy(EntityText.isUppercase)
    }
}
