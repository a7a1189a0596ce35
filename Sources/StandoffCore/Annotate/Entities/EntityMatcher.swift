/// An Aho–Corasick automaton over folded scalars that finds every gazetteer name, family name,
/// title and head word in a sentence in one left-to-right pass.
///
/// The automaton is compiled to a full transition table over a small alphabet (the scalars that
/// occur in some key; every other scalar is one class that leads back to the root), so each
/// scalar of text costs one table look-up however many keys there are. Reported hits are only
/// those whose ends are token boundaries and, for case-sensitive keys, whose letters match as
/// written; choosing among overlapping hits is the caller's job.
struct EntityMatcher: Sendable {
    /// What a key stands for.
    enum Key: Sendable, Equatable, Hashable {
        /// A name or alias of gazetteer entry `entry`.
        case alias(entry: Int)
        /// A demonym (`Japanese`) of gazetteer entry `entry`; its mentions are NORP.
        case demonym(entry: Int)
        /// Family name number `family` of the gazetteer's family-name table.
        case family(Int)
        /// Title `word` of pattern line `pattern`.
        case title(pattern: Int, word: Int)
        /// A head word of pattern line `pattern`.
        case head(pattern: Int)
        /// A word of pattern line `pattern` that names an entity after `the`.
        case word(pattern: Int)
    }

    /// A key found in a text: scalar offsets, end-exclusive.
    struct Hit: Sendable, Equatable {
        var start: Int
        var end: Int
        var key: Key
    }

    /// A string to find, and whether letter case matters.
    struct Pattern: Sendable {
        var text: String
        var key: Key
        var ignoreCase: Bool
    }

    /// One key as the automaton reports it.
    private struct Output: Sendable {
        var key: Key
        var length: Int
        /// The key with case kept, compared with the text when case matters; nil when it does not.
        var exact: [Unicode.Scalar]?
        /// Whether the key starts (ends) with a word scalar, so the text must not continue the word there.
        var boundedStart: Bool
        var boundedEnd: Bool
    }

    private let classCount: Int
    /// Alphabet class of each ASCII scalar; class 0 is "no key uses this scalar".
    private let asciiClass: [Int32]
    private let otherClass: [UInt32: Int32]
    /// `transitions[state * classCount + class]`: the next state, failure links already folded in,
    /// with the sign bit set when that state or a suffix of it has outputs. The flag saves a
    /// second memory access per scalar: the table is too big for the nearest cache, so look-ups
    /// are what matching costs.
    private let transitions: [Int32]
    /// The same table in 16 bits (the flag in the top bit), when the states fit: half the size,
    /// so more of it stays in cache. Most gazetteers fit.
    private let compactTransitions: [UInt16]?
    /// Outputs of state `s` are `outputs[outputStart[s]..<outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Output]
    /// The nearest proper suffix state that has outputs, or -1.
    private let outputLink: [Int32]

    /// Number of states, for tests that check the automaton's size.
    var stateCount: Int { outputLink.count }

    /// Compiles the patterns; empty patterns are ignored.
    init(patterns: [Pattern]) {
        // Alphabet: every folded scalar some key uses.
        var asciiClass = [Int32](repeating: 0, count: 128)
        var otherClass: [UInt32: Int32] = [:]
        var classCount: Int32 = 1
        func classOf(_ scalar: Unicode.Scalar, adding: Bool) -> Int32 {
            let value = scalar.value
            if value < 128 {
                if asciiClass[Int(value)] == 0 && adding { asciiClass[Int(value)] = classCount; classCount += 1 }
                return asciiClass[Int(value)]
            }
            if let known = otherClass[value] { return known }
            guard adding else { return 0 }
            otherClass[value] = classCount
            classCount += 1
            return classCount - 1
        }

        var trie = AhoCorasickTrie()
        var ends: [(state: Int, output: Output)] = []
        for pattern in patterns {
            let (folded, exact) = EntityText.key(pattern.text)
            guard !folded.isEmpty else { continue }
            let state = trie.insert(folded.map { Int(classOf($0, adding: true)) })
            ends.append((state, Output(key: pattern.key, length: folded.count, exact: pattern.ignoreCase ? nil : exact,
                                       boundedStart: EntityText.isWord(folded.first!), boundedEnd: EntityText.isWord(folded.last!))))
        }
        let stateCount = trie.stateCount
        var stateOutputs = [[Output]](repeating: [], count: stateCount)
        // The same key spelled twice (e.g. an alias equal to the name) is reported once.
        for (state, output) in ends where !stateOutputs[state].contains(where: { $0.key == output.key && $0.exact == output.exact }) {
            stateOutputs[state].append(output)
        }

        // Each state's nearest proper suffix with outputs, breadth first so a suffix's link is known first.
        let stride = Int(classCount)
        let (moves, failure, order) = trie.completed(classCount: stride)
        var transitions = moves.map { Int32($0) }
        var outputLink = [Int32](repeating: -1, count: stateCount)
        for state in order.dropFirst() {
            let fail = failure[state]
            outputLink[state] = stateOutputs[fail].isEmpty ? outputLink[fail] : Int32(fail)
        }

        // Flag the transitions into states that report something.
        for index in transitions.indices {
            let target = Int(transitions[index])
            if !stateOutputs[target].isEmpty || outputLink[target] >= 0 { transitions[index] |= Int32.min }
        }

        var outputStart: [Int32] = [0]
        var flat: [Output] = []
        for list in stateOutputs {
            flat.append(contentsOf: list)
            outputStart.append(Int32(flat.count))
        }
        self.classCount = stride
        self.asciiClass = asciiClass
        self.otherClass = otherClass
        self.transitions = transitions
        compactTransitions = stateCount <= Int(Int16.max)
            ? transitions.map { UInt16(truncatingIfNeeded: $0 & Int32.max) | ($0 < 0 ? 0x8000 : 0) } : nil
        self.outputStart = outputStart
        self.outputs = flat
        self.outputLink = outputLink
    }

    /// Whether the word around `position` has no lower-case letter and at least two letters.
    private static func inCapitalWord(_ text: UnsafeBufferPointer<Unicode.Scalar>, at position: Int) -> Bool {
        var lower = position
        while lower > 0, EntityText.isWord(text[lower - 1]) { lower -= 1 }
        var upper = position
        while upper < text.count, EntityText.isWord(text[upper]) { upper += 1 }
        guard upper - lower >= 2 else { return false }
        for index in lower..<upper where text[index].properties.isLowercase { return false }
        return true
    }

    /// Every key occurrence in `scalars` that starts and ends on token boundaries, in order of end.
    func hits(in scalars: [Unicode.Scalar]) -> [Hit] {
        var work = 0
        return hits(in: scalars, work: &work)
    }

    /// As ``hits(in:)``, adding to `work` one unit per transition and per output examined, so tests
    /// can check that the cost grows with the text and not with the gazetteer.
    func hits(in scalars: [Unicode.Scalar], work: inout Int) -> [Hit] {
        scalars.withUnsafeBufferPointer { text in
            if let compactTransitions {
                return compactTransitions.withUnsafeBufferPointer { hits(in: text, table: $0, flag: 0x8000, work: &work) }
            }
            return transitions.withUnsafeBufferPointer { hits(in: text, table: $0, flag: Int32.min, work: &work) }
        }
    }

    /// The matching loop over either table; `flag` is the bit that marks states with outputs.
    private func hits<Entry: FixedWidthInteger>(in text: UnsafeBufferPointer<Unicode.Scalar>, table: UnsafeBufferPointer<Entry>, flag: Entry,
                                                work: inout Int) -> [Hit] {
        var found: [Hit] = []
        let count = text.count
        var state = 0
        var steps = 0
        for position in 0..<count {
            let folded = EntityText.fold(text[position], lowercase: true)
            let value = folded.value
            let symbol = value < 128 ? Int(asciiClass[Int(value)]) : Int(otherClass[value] ?? 0)
            let entry = table[state * classCount + symbol]
            state = Int(entry & ~flag)
            steps += 1
            // States without outputs of their own or of a suffix are the common case.
            guard entry & flag != 0 else { continue }
            var reporting = outputStart[state] != outputStart[state + 1] ? state : Int(outputLink[state])
            let end = position + 1
            let nextIsWord = end < count && EntityText.isWord(text[end])
            while reporting >= 0 {
                for index in Int(outputStart[reporting])..<Int(outputStart[reporting + 1]) {
                    steps += 1
                    let output = outputs[index]
                    if output.boundedEnd && nextIsWord { continue }
                    let start = end - output.length
                    if output.boundedStart && start > 0 && EntityText.isWord(text[start - 1]) { continue }
                    if let exact = output.exact {
                        var same = true
                        // A letter the key writes in lower case may be upper case in the text, so names in
                        // capitals (`TOKYO`, `Minister KAMIKAWA`) match; the reverse never does (`US` is not `us`).
                        // Only a word wholly in capitals may differ (`Sister Cities` is not `sister`).
                        for offset in 0..<output.length {
                            let scalar = text[start + offset]
                            if EntityText.fold(scalar, lowercase: false) == exact[offset] { continue }
                            if EntityText.isUppercase(scalar) && Self.inCapitalWord(text, at: start + offset) { continue }
                            same = false
                            break
                        }
                        if !same { continue }
                    }
                    found.append(Hit(start: start, end: end, key: output.key))
                }
                reporting = Int(outputLink[reporting])
            }
        }
        work += steps
        return found
    }
}
