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

        // Family names of people that patterns found, looked for among words no candidate took;
        // gazetteer family names need no second look, the automaton finds them.
        var names: Set<String> = []
        for sentence in scanned {
            for candidate in sentence.selected where isPatternPerson(candidate) {
                let text = sentence.tokens.text(candidate.start, candidate.end)
                let parts = text.split(separator: " ").map(String.init).filter { !($0.count == 2 && $0.hasSuffix(".")) }
                let families = candidate.source == .bare ? [text] : EntityLinker.families(of: parts)
                names.formUnion(families.filter { rules.gazetteer.entriesByFamily[$0] == nil })
            }
        }
        if !names.isEmpty {
            for index in scanned.indices { addKnownNames(names, to: &scanned[index]) }
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
            case .family, .head:
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
        return ScannedSentence(tokens: tokens, titles: titles, selected: EntityCandidate.select(candidates, length: scalars.count))
    }

    /// Adds a bare candidate for every capitalised word in `names` that no selected candidate covers.
    func addKnownNames(_ names: Set<String>, to sentence: inout ScannedSentence) {
        var covered = [Bool](repeating: false, count: sentence.tokens.scalars.count)
        for candidate in sentence.selected { for offset in candidate.start..<candidate.end { covered[offset] = true } }
        var added: [EntityCandidate] = []
        for word in sentence.tokens.words where word.capitalised && !covered[word.start] && names.contains(sentence.tokens.text(word)) {
            added.append(EntityCandidate(start: word.start, end: word.end, source: .bare, title: sentence.titles[word.start]))
        }
        guard !added.isEmpty else { return }
        sentence.selected = (sentence.selected + added).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Whether a candidate is a person's name found by a title pattern.
    private func isPatternPerson(_ candidate: EntityCandidate) -> Bool {
        switch candidate.source {
        case let .pattern(pattern): return rules.patterns.types[pattern] == .person
        case .bare: return candidate.title != nil
        case .entry: return false
        }
    }
}
