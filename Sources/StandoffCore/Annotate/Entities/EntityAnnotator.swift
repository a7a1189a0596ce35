/// Finds, types and links the entity mentions of a document: gazetteer names, names found by
/// title and head-word patterns, and bare family names linked within the document.
///
/// Each sentence is scanned once by the automaton; overlapping candidates are resolved longest
/// first, then leftmost, gazetteer names before pattern names before bare words; then names seen
/// earlier in the document are looked for among the words left over, and everything is linked in
/// document order (see ``EntityLinker``). Output depends only on the rules and the text.
public struct EntityAnnotator: Sendable {
    /// The rules the annotator applies.
    public let rules: EntityRules

    /// Creates an annotator.
    public init(rules: EntityRules) {
        self.rules = rules
    }

    /// Mentions for a document whose `sentences` and `text` are set; sorted by start then end; no overlaps;
    /// each inside one sentence, offsets Unicode code points into document.text, end-exclusive,
    /// `text` equal to that slice; type one of PERSON, GPE, ORG, NORP, EVENT. Warnings (e.g. an unresolved
    /// ambiguous bare name) are appended as Diagnostic(severity: .warning, stage: "annotate", code: …,
    /// location: "<doc_id>/<sentence_id>", message: …).
    public func mentions(in document: Document, diagnostics: inout [Diagnostic]) -> [Mention] {
        var scanned = document.sentences.map(scan)
        dropNamesOfAbsentCountries(from: &scanned)

        // Names of people found in the document, looked for among words no candidate took: family
        // and given names of people that patterns found, given names of gazetteer people, and full
        // names that patterns found (a speaker label `DANA REYES:` and `Dana Reyes` in prose).
        // Gazetteer family names need no second look, the automaton finds them.
        var known = KnownNames()
        for sentence in scanned {
            for candidate in sentence.selected { collect(candidate, in: sentence.tokens, into: &known) }
        }
        if !known.isEmpty {
            for index in scanned.indices { addKnownNames(known, to: &scanned[index]) }
        }

        var found: [EntityLinker.Found] = []
        for (index, sentence) in scanned.enumerated() {
            let offset = document.sentences[index].start
            for candidate in sentence.selected {
                found.append(EntityLinker.Found(sentence: index, start: offset + candidate.start, end: offset + candidate.end,
                                                text: sentence.tokens.text(candidate.start, candidate.end), candidate: candidate))
            }
        }
        let linker = EntityLinker(gazetteer: rules.gazetteer, patterns: rules.patterns)
        var mentions = linker.link(found, location: { "\(document.id)/\(document.sentenceID($0))" }, diagnostics: &diagnostics)
        for index in mentions.indices { mentions[index].country = rules.gazetteer.country(of: mentions[index].entityID) }
        return mentions.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// A sentence after matching and overlap resolution.
    struct ScannedSentence: Sendable {
        var tokens: SentenceTokens
        var titles: [Int: EntityCandidate.Title]
        var selected: [EntityCandidate]
    }

    /// Matches one sentence and resolves overlaps.
    func scan(_ sentence: Sentence) -> ScannedSentence {
        let tokens = SentenceTokens(text: sentence.text)
        let scalars = tokens.scalars
        let hits = rules.matcher.hits(in: scalars)
        let gazetteer = rules.gazetteer

        var candidates: [EntityCandidate] = []
        // Where another entity's name or a title starts, a name after a title ends.
        var blocked = [Bool](repeating: false, count: scalars.count + 1)
        for hit in hits {
            switch hit.key {
            case let .alias(entry):
                candidates.append(EntityCandidate(start: hit.start, end: hit.end, source: .entry(entry, demonym: false), title: nil))
                if gazetteer.types[entry] != .person { blocked[hit.start] = true }
            case let .demonym(entry):
                candidates.append(EntityCandidate(start: hit.start, end: hit.end, source: .entry(entry, demonym: true), title: nil))
                blocked[hit.start] = true
            case .title:
                // A title is never the start of a name (`Lt. Gen. Paul LaCamera`: `Gen.` is no name).
                blocked[hit.start] = true
            case .family, .head, .word:
                break
            }
        }
        let titles = rules.patterns.titles(in: hits, tokens: tokens)
        for hit in hits {
            guard case .family = hit.key else { continue }
            candidates.append(EntityCandidate(start: hit.start, end: hit.end, source: .bare, title: titles[hit.start]))
        }
        candidates += rules.patterns.personCandidates(titles: titles, tokens: tokens, blocked: blocked)
        candidates += rules.patterns.headCandidates(in: hits, tokens: tokens, blocked: blocked)
        candidates += rules.patterns.shapeCandidates(in: hits, tokens: tokens, blocked: blocked)
        return ScannedSentence(tokens: tokens, titles: titles, selected: EntityCandidate.select(candidates, length: scalars.count))
    }

    /// Removes the names of pattern lines with `countries` when the document names none of them.
    func dropNamesOfAbsentCountries(from scanned: inout [ScannedSentence]) {
        let lines = rules.patterns.lines
        guard lines.contains(where: { $0.rule.countries != nil }) else { return }
        var named: Set<String> = []
        for sentence in scanned {
            for candidate in sentence.selected {
                if case let .entry(entry, _) = candidate.source, let country = rules.gazetteer.entries[entry].rule.country { named.insert(country) }
            }
        }
        for index in scanned.indices {
            scanned[index].selected.removeAll { candidate in
                guard case let .pattern(pattern) = candidate.source, let countries = lines[pattern].rule.countries else { return false }
                return !countries.contains(where: named.contains)
            }
        }
    }

    /// Names of people a document has named, to find again where nothing else found them.
    struct KnownNames: Sendable {
        /// Single words: bare candidates for the linker.
        var words: Set<String> = []
        /// Full names of two or three words, with the pattern line that first found them.
        var full: [String: Int] = [:]

        var isEmpty: Bool { words.isEmpty && full.isEmpty }
    }

    /// Records the names a selected candidate makes known.
    func collect(_ candidate: EntityCandidate, in tokens: SentenceTokens, into known: inout KnownNames) {
        let gazetteer = rules.gazetteer
        func add(_ words: [String]) {
            for word in words where gazetteer.entriesByFamily[word] == nil && !rules.patterns.stopWords.contains(word) { known.words.insert(word) }
        }
        switch candidate.source {
        case let .pattern(pattern) where rules.patterns.types[pattern] == .person:
            let text = EntityText.nameCase(tokens.text(candidate.start, candidate.end))
            let linker = EntityLinker(gazetteer: gazetteer, patterns: rules.patterns)
            let person = linker.derivedPerson(named: text, title: candidate.title, order: rules.patterns.nameOrder(of: pattern, text: text))
            add(person.callNames)
            let words = text.split(separator: " ").count
            if (2...3).contains(words) && known.full[text] == nil { known.full[text] = pattern }
        case .bare where candidate.title != nil:
            add([EntityText.nameCase(tokens.text(candidate.start, candidate.end))])
        case let .entry(entry, demonym: false) where gazetteer.types[entry] == .person:
            let line = gazetteer.entries[entry].rule
            add(EntityLinker.givenNames(of: line.name.split(separator: " ").map(String.init), families: line.family.map { [$0] } ?? []))
        default:
            break
        }
    }

    /// Adds a candidate for every known full name, and a bare candidate for every known capitalised
    /// word, that no selected candidate covers; longer names first at each word.
    func addKnownNames(_ known: KnownNames, to sentence: inout ScannedSentence) {
        let tokens = sentence.tokens
        var covered = [Bool](repeating: false, count: tokens.scalars.count)
        for candidate in sentence.selected { for offset in candidate.start..<candidate.end { covered[offset] = true } }
        var added: [EntityCandidate] = []
        var index = 0
        while index < tokens.words.count {
            let word = tokens.words[index]
            defer { index += 1 }
            guard word.capitalised, !covered[word.start] else { continue }
            var matched = false
            if !known.full.isEmpty {
                for count in [3, 2] where index + count <= tokens.words.count {
                    let last = tokens.words[index + count - 1]
                    let spaced = (index..<(index + count - 1)).allSatisfy { tokens.words[$0 + 1].start == tokens.words[$0].end + 1 && tokens.scalar(at: tokens.words[$0].end, is: " ") }
                    guard spaced, !covered[last.start], let pattern = known.full[tokens.text(word.start, last.end)] else { continue }
                    added.append(EntityCandidate(start: word.start, end: last.end, source: .pattern(pattern), title: nil))
                    index += count - 1
                    matched = true
                    break
                }
            }
            if !matched && known.words.contains(tokens.text(word)) {
                added.append(EntityCandidate(start: word.start, end: word.end, source: .bare, title: sentence.titles[word.start]))
            }
        }
        guard !added.isEmpty else { return }
        sentence.selected = (sentence.selected + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
