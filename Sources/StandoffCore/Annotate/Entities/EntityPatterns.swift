/// The entity pattern lines, checked, and the code that applies them to a sentence: names after
/// titles and names ending in head words.
///
/// Titles and head words are found by the same automaton as gazetteer names; the patterns then
/// read capitalised words next to each hit, so a sentence is still scanned once.
public struct EntityPatterns: Sendable {
    /// The lines as written, with their file and line.
    public let lines: [RuleLine<EntityPattern>]
    /// Each line's kind, parsed.
    let kinds: [EntityPattern.Kind]
    /// Each line's mention type; nil for stop-word lines.
    let types: [EntityType?]
    /// Words no pattern takes into a name, from every stop-word line, as written.
    let stopWords: Set<String>
    /// For title lines, each title's role key (``EntityText/roleKey(_:)``).
    let roleKeys: [[String]]
    /// For head lines, the connectors.
    let connectors: [Set<String>]
    /// Labels the speaker line says are no name, upper-cased; nil without a speaker line.
    let speakerLabels: Set<String>?
    /// The speaker line's index.
    let speakerPattern: Int?
    /// Each syllables line, and each surname line with syllables, by line index.
    let syllableSets: [Int: SyllableSet]
    /// Each surname line: its index, family names and the shape of the given name.
    let surnames: [(pattern: Int, families: Set<String>, given: EntityPattern.Given)]
    /// Each article-name line's entity id, by line index.
    let articleEntities: [Int: String]
    /// Each appositive line: its index, the words that may open the apposition (nil: the line's
    /// words open it) and the role words.
    let appositives: [(pattern: Int, openers: Set<String>?, roles: Set<String>)]

    /// Decodes and checks a pattern file.
    ///
    /// - Throws: ``StandoffError/invalidRule(file:line:reason:)`` for the first line that does not decode,
    ///   has an unknown key, kind or type, a bad id, no words, misplaced options or no `match` example.
    public static func decode(file: String, contents: String) throws -> EntityPatterns {
        try EntityPatterns(lines: RuleFile.decode(EntityPattern.self, file: file, contents: contents))
    }

    /// Checks decoded lines.
    init(lines: [RuleLine<EntityPattern>]) throws {
        var kinds: [EntityPattern.Kind] = []
        var types: [EntityType?] = []
        var stopWords: Set<String> = []
        var roleKeys: [[String]] = []
        var connectors: [Set<String>] = []
        var speakerLabels: Set<String>?
        var speakerPattern: Int?
        var syllableSets: [Int: SyllableSet] = [:]
        var surnames: [(pattern: Int, families: Set<String>, given: EntityPattern.Given)] = []
        var articleEntities: [Int: String] = [:]
        var appositives: [(pattern: Int, openers: Set<String>?, roles: Set<String>)] = []
        var firstLineOfID: [String: Int] = [:]
        for line in lines {
            let pattern = line.rule
            func invalid(_ reason: String) -> StandoffError {
                .invalidRule(file: line.file, line: line.line, reason: "pattern '\(pattern.id)': \(reason)")
            }
            guard EntityText.isSlug(pattern.id) else {
                throw invalid("'id' must be a slug of lower-case letters, digits and single hyphens, e.g. 'title-official'")
            }
            if let earlier = firstLineOfID[pattern.id] { throw invalid("the id is already used on line \(earlier); ids must be unique") }
            firstLineOfID[pattern.id] = line.line
            if EntityLinker.reservedRules.contains(pattern.id) { throw invalid("'\(pattern.id)' is the name of a linking rule; choose another id") }
            guard let kind = pattern.resolvedKind else {
                throw invalid("unknown kind '\(pattern.kind)'; use one of \(EntityPattern.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if pattern.summary.isEmpty { throw invalid("'summary' is empty; say in one sentence what the line finds") }
            if pattern.words.isEmpty || pattern.words.contains(where: { EntityText.key($0).folded.isEmpty }) {
                throw invalid("'words' is empty or holds an empty word")
            }
            if pattern.match.isEmpty { throw invalid("add at least one 'match' example") }
            if let maxWords = pattern.maxWords, !(1...6).contains(maxWords) { throw invalid("'max_words' must be between 1 and 6") }
            if pattern.gender != nil && kind != .title { throw invalid("'gender' is for title lines only") }
            if let gender = pattern.gender, gender != "female", gender != "male" { throw invalid("gender '\(gender)' must be 'female' or 'male'") }
            if pattern.connectors != nil && kind != .head && kind != .appositive { throw invalid("'connectors' are for head and appositive lines only") }
            if pattern.entity != nil && kind != .articleName { throw invalid("'entity' is for article-name lines only") }
            if pattern.given != nil && kind != .surname { throw invalid("'given' is for surname lines only") }
            if pattern.syllables != nil && (kind != .surname || pattern.given == EntityPattern.Given.hyphenated.rawValue) {
                throw invalid("'syllables' is for surname lines whose 'given' is 'syllables' or 'split'")
            }
            if pattern.countries != nil && kind != .syllables && kind != .surname { throw invalid("'countries' is for syllables and surname lines only") }
            if let bad = (pattern.countries ?? []).first(where: { !EntityText.isSlug($0) }) { throw invalid("country '\(bad)' must be a gazetteer id") }
            let index = kinds.count
            var type: EntityType?
            switch kind {
            case .title:
                type = try pattern.type.map { raw in
                    guard let parsed = EntityType(rawValue: raw), parsed == .person else { throw invalid("a title line finds PERSON names; drop 'type' or set it to PERSON") }
                    return parsed
                } ?? .person
            case .head:
                guard let raw = pattern.type, let parsed = EntityType(rawValue: raw), [.org, .event, .gpe].contains(parsed) else {
                    throw invalid("a head line needs 'type' ORG, EVENT or GPE")
                }
                type = parsed
                if let bad = pattern.words.first(where: { word in
                    !word.unicodeScalars.allSatisfy(EntityText.isWord) || !EntityText.isUppercase(word.unicodeScalars.first!)
                }) {
                    throw invalid("head word '\(bad)' must be one capitalised word, e.g. 'Institute'")
                }
                if let bad = (pattern.connectors ?? []).first(where: { $0.isEmpty || $0 != $0.lowercased() || $0.contains(" ") }) {
                    throw invalid("connector '\(bad)' must be one lower-case word, e.g. 'of'")
                }
            case .stopWords:
                if pattern.type != nil { throw invalid("a stop-words line has no 'type'") }
                stopWords.formUnion(pattern.words)
            case .articleName:
                guard let raw = pattern.type, let parsed = EntityType(rawValue: raw), [.org, .gpe].contains(parsed) else {
                    throw invalid("an article-name line needs 'type' GPE or ORG")
                }
                guard let entity = pattern.entity, EntityText.isSlug(entity) else { throw invalid("an article-name line needs 'entity', a gazetteer id") }
                type = parsed
                articleEntities[index] = entity
            case .appositive:
                if let raw = pattern.type, raw != EntityType.person.rawValue { throw invalid("an appositive line finds PERSON names; drop 'type' or set it to PERSON") }
                type = .person
                if let bad = (pattern.words + (pattern.connectors ?? [])).first(where: { $0 != $0.lowercased() || $0.contains(" ") }) {
                    throw invalid("'\(bad)' must be one lower-case word")
                }
                appositives.append((index, pattern.connectors.map(Set.init), Set(pattern.words)))
            case .speaker, .syllables, .surname:
                if let raw = pattern.type, raw != EntityType.person.rawValue { throw invalid("a \(kind.rawValue) line finds PERSON names; drop 'type' or set it to PERSON") }
                type = .person
                switch kind {
                case .speaker:
                    if speakerPattern != nil { throw invalid("there is already a speaker line; add the labels to it") }
                    speakerLabels = Set(pattern.words.map { $0.uppercased() })
                    speakerPattern = index
                case .syllables:
                    guard let set = SyllableSet(pattern.words) else { throw invalid("syllables must be one to eight lower-case ASCII letters") }
                    syllableSets[index] = set
                default:
                    guard let raw = pattern.given, let given = EntityPattern.Given(rawValue: raw) else {
                        throw invalid("a surname line needs 'given', one of \(EntityPattern.Given.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    if given == .syllables || given == .split {
                        guard let set = SyllableSet(pattern.syllables ?? []) else { throw invalid("'syllables' must be one to eight lower-case ASCII letters each") }
                        syllableSets[index] = set
                    }
                    if let bad = pattern.words.first(where: { word in
                        !word.unicodeScalars.allSatisfy(EntityText.isWord) || !EntityText.isUppercase(word.unicodeScalars.first!)
                    }) {
                        throw invalid("family name '\(bad)' must be one capitalised word, e.g. 'Kim'")
                    }
                    surnames.append((index, Set(pattern.words), given))
                }
            }
            kinds.append(kind)
            types.append(type)
            roleKeys.append(kind == .title ? pattern.words.map(EntityText.roleKey) : [])
            connectors.append(Set(pattern.connectors ?? []))
        }
        self.lines = lines
        self.kinds = kinds
        self.types = types
        self.stopWords = stopWords
        self.roleKeys = roleKeys
        self.connectors = connectors
        self.speakerLabels = speakerLabels
        self.speakerPattern = speakerPattern
        self.syllableSets = syllableSets
        self.surnames = surnames
        self.articleEntities = articleEntities
        self.appositives = appositives
    }

    /// Every title and head word, as automaton patterns.
    var matcherPatterns: [EntityMatcher.Pattern] {
        var patterns: [EntityMatcher.Pattern] = []
        for (index, line) in lines.enumerated() {
            let ignoreCase = line.rule.ignoreCase ?? false
            switch kinds[index] {
            case .title:
                for (word, title) in line.rule.words.enumerated() {
                    patterns.append(.init(text: title, key: .title(pattern: index, word: word), ignoreCase: ignoreCase))
                }
            case .head:
                for head in line.rule.words { patterns.append(.init(text: head, key: .head(pattern: index), ignoreCase: ignoreCase)) }
            case .articleName:
                for word in line.rule.words { patterns.append(.init(text: word, key: .word(pattern: index), ignoreCase: false)) }
            case .stopWords, .speaker, .syllables, .surname, .appositive:
                break
            }
        }
        return patterns
    }

    /// The gender an honorific title implies, or nil for a role title.
    func gender(of title: EntityCandidate.Title) -> String? {
        lines[title.pattern].rule.gender
    }

    /// The role key of a title.
    func roleKey(of title: EntityCandidate.Title) -> String {
        roleKeys[title.pattern][title.word]
    }

    /// The titles in a sentence, by the offset of the word right after them (one space later);
    /// where several titles end at the same place (`Secretary`, `Chief Cabinet Secretary`) the longest wins.
    func titles(in hits: [EntityMatcher.Hit], tokens: SentenceTokens) -> [Int: EntityCandidate.Title] {
        var titles: [Int: EntityCandidate.Title] = [:]
        for hit in hits {
            guard case let .title(pattern, word) = hit.key, tokens.scalar(at: hit.end, is: " ") else { continue }
            let title = EntityCandidate.Title(pattern: pattern, word: word, length: hit.end - hit.start)
            if let known = titles[hit.end + 1], known.length >= title.length { continue }
            titles[hit.end + 1] = title
        }
        return titles
    }

    /// Person candidates after titles: one capitalised word becomes a bare name for the linker,
    /// several a full name. `blocked[offset]` is true where another entity's name starts, which
    /// ends a name (`leader Japan trusts` has none).
    func personCandidates(titles: [Int: EntityCandidate.Title], tokens: SentenceTokens, blocked: [Bool]) -> [EntityCandidate] {
        var candidates: [EntityCandidate] = []
        // In text order, so nothing downstream depends on the dictionary's order.
        for (start, title) in titles.sorted(by: { $0.key < $1.key }) {
            let limit = lines[title.pattern].rule.maxWords ?? 3
            // A single letter after a title is a placeholder (`Mr. X`), not a name.
            guard let name = name(startingAt: start, maxWords: limit, tokens: tokens, blocked: blocked),
                  name.words > 1 || name.end - name.start > 1 else { continue }
            candidates.append(EntityCandidate(start: name.start, end: name.end, source: name.words == 1 ? .bare : .pattern(title.pattern), title: title))
        }
        return candidates
    }

    /// Capitalised words from `start`, one space apart, joined across hyphens (`Seong-chang`), at most
    /// `maxWords`, never ending on an initial; nil when the first word does not qualify.
    func name(startingAt start: Int, maxWords: Int, tokens: SentenceTokens, blocked: [Bool]) -> (start: Int, end: Int, words: Int)? {
        var next = tokens.word(startingAt: start)
        var end = start
        var count = 0
        var lastFullEnd: Int?
        var fullWords = 0
        while let index = next, count < maxWords {
            let word = tokens.words[index]
            guard word.capitalised, !blocked[word.start], !stopWords.contains(tokens.text(word)) else { break }
            var partEnd = word.end
            // Hyphenated given names continue in lower case (`Jae-in`); `-led` and the like are stop words.
            while EntityText.isHyphenAt(partEnd, in: tokens.scalars), let part = tokens.word(startingAt: partEnd + 1),
                  !stopWords.contains(tokens.text(tokens.words[part])) {
                partEnd = tokens.words[part].end
            }
            end = partEnd
            count += 1
            if !word.initial || partEnd != word.end {
                lastFullEnd = end
                fullWords = count
            }
            next = tokens.scalar(at: end, is: " ") ? tokens.word(startingAt: end + 1) : nil
        }
        guard let finalEnd = lastFullEnd else { return nil }
        return (start, finalEnd, fullWords)
    }

    /// Names ending in a head word: up to `max_words` capitalised words before the head (one space or
    /// hyphen apart), then optionally a connector and more capitalised words. A name needs a word
    /// before its head or a connector after it (`Ministry of Defense`), so a bare head is no name.
    func headCandidates(in hits: [EntityMatcher.Hit], tokens: SentenceTokens, blocked: [Bool]) -> [EntityCandidate] {
        var candidates: [EntityCandidate] = []
        var heads = [Bool](repeating: false, count: tokens.scalars.count + 1)
        // For offsets inside another entity's name after its first scalar, where that name starts:
        // `Korea` of `North Korea` joins a name only with `North`.
        var nameStart = [Int32](repeating: -1, count: tokens.scalars.count + 1)
        for hit in hits {
            switch hit.key {
            case .head: heads[hit.start] = true
            case .alias, .demonym: for offset in (hit.start + 1)..<hit.end where nameStart[offset] < 0 || Int(nameStart[offset]) > hit.start { nameStart[offset] = Int32(hit.start) }
            default: break
            }
        }
        for hit in hits {
            guard case let .head(pattern) = hit.key, let headIndex = tokens.word(startingAt: hit.start) else { continue }
            let limit = lines[pattern].rule.maxWords ?? 4
            var start = hit.start
            var before = 0
            var index = headIndex - 1
            while index >= 0 && before < limit {
                let word = tokens.words[index]
                // A plural possessive joins too (`Defence Ministers' Meeting`).
                let gap = word.end + 2 == start && tokens.scalar(at: word.end + 1, is: " ") && tokens.scalars[word.end - 1] == "s"
                    && EntityText.isApostrophe(tokens.scalars[word.end]) ? 1 : 0
                guard word.end + 1 + gap == start, tokens.scalar(at: word.end + gap, is: " ") || EntityText.isHyphenAt(word.end, in: tokens.scalars),
                      word.capitalised, !word.initial, !stopWords.contains(tokens.text(word)) else { break }
                // A name inside is taken whole (`Kim Il Sung University`), from its first word.
                var first = word.start
                var firstIndex = index
                if nameStart[word.start] >= 0, let outer = tokens.word(startingAt: Int(nameStart[word.start])) {
                    first = tokens.words[outer].start
                    firstIndex = outer
                }
                // A hyphenated compound of names is one mention per part (`Japan-DPRK Pyongyang Declaration`).
                if blocked[first] && EntityText.isHyphenAt(first - 1, in: tokens.scalars) { break }
                start = first
                before += 1
                index = firstIndex - 1
            }
            let end = tail(after: hit.end, pattern: pattern, limit: limit, tokens: tokens, blocked: blocked, heads: heads)
            guard before > 0 || end > hit.end else { continue }
            candidates.append(EntityCandidate(start: start, end: end, source: .pattern(pattern), title: nil))
        }
        return candidates
    }

    /// The end of a name continued after its head: ` of Defense`, ` for Strategic and International Studies`.
    /// After the first connector, `and` and further connectors may join more words, but not before
    /// another entity's name (`Ministry of Defense and Japan` stops at `Defense`) or words that hold
    /// a head word of their own (`Institute for Peace and Keio University` stops at `Peace`).
    private func tail(after headEnd: Int, pattern: Int, limit: Int, tokens: SentenceTokens, blocked: [Bool], heads: [Bool]) -> Int {
        let allowed = connectors[pattern]
        guard !allowed.isEmpty else { return headEnd }
        var end = headEnd
        var cursor = headEnd
        var joined = 0
        while tokens.scalar(at: cursor, is: " "), let connectorIndex = tokens.word(startingAt: cursor + 1) {
            let connector = tokens.words[connectorIndex]
            let text = tokens.text(connector)
            guard allowed.contains(text) || (joined > 0 && text == "and"),
                  tokens.scalar(at: connector.end, is: " "), let firstIndex = tokens.word(startingAt: connector.end + 1) else { break }
            let first = tokens.words[firstIndex]
            guard first.capitalised, !stopWords.contains(tokens.text(first)), joined == 0 || !blocked[first.start] else { break }
            var count = 1
            var next = first.end
            var startsAnotherName = heads[first.start]
            while count < limit, tokens.scalar(at: next, is: " "), let nextIndex = tokens.word(startingAt: next + 1) {
                let word = tokens.words[nextIndex]
                guard word.capitalised, !stopWords.contains(tokens.text(word)) else { break }
                startsAnotherName = startsAnotherName || heads[word.start]
                next = word.end
                count += 1
            }
            // `Institute for Peace and Keio University` is two names: a joined part may not hold a head word of its own.
            if joined > 0 && startsAnotherName { break }
            cursor = next
            end = cursor
            joined += 1
        }
        return end
    }
}
