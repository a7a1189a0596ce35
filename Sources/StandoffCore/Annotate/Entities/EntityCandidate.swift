/// A possible mention in one sentence, before overlapping candidates are resolved and names linked.
struct EntityCandidate: Sendable, Equatable {
    /// What found the candidate.
    enum Source: Sendable, Equatable {
        /// A gazetteer name or alias of entry `entry`, or one of its demonyms.
        case entry(Int, demonym: Bool)
        /// A multi-word name found by pattern line `pattern` (a titled person, or a head-word name).
        case pattern(Int)
        /// A single name word (a family name, a name seen earlier in the document, or a name after a
        /// title) that the linker resolves or drops.
        case bare
    }

    /// A title right before a person's name: pattern line and word.
    struct Title: Sendable, Equatable {
        var pattern: Int
        var word: Int
        /// Length of the title in scalars; the longest title before a name wins.
        var length: Int
    }

    /// Scalar offsets into the sentence, end-exclusive.
    var start: Int
    var end: Int
    var source: Source
    /// The title right before the name, for person candidates.
    var title: Title?

    /// Among candidates with the same span, the lower wins: gazetteer names, then patterns, then bare words.
    var rank: Int {
        switch source {
        case .entry: return 0
        case .pattern: return 1
        case .bare: return 2
        }
    }

    /// Non-overlapping candidates, chosen longest first, then leftmost, then by ``rank``, and
    /// returned in text order, so the choice does not depend on the order they were found in.
    static func select(_ candidates: [EntityCandidate], length: Int) -> [EntityCandidate] {
        let order = candidates.indices.sorted { left, right in
            let a = candidates[left], b = candidates[right]
            if a.end - a.start != b.end - b.start { return a.end - a.start > b.end - b.start }
            if a.start != b.start { return a.start < b.start }
            if a.rank != b.rank { return a.rank < b.rank }
            return left < right
        }
        var taken = [Bool](repeating: false, count: length)
        var chosen: [EntityCandidate] = []
        for index in order {
            let candidate = candidates[index]
            if taken[candidate.start..<candidate.end].contains(true) { continue }
            for offset in candidate.start..<candidate.end { taken[offset] = true }
            chosen.append(candidate)
        }
        return chosen.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
