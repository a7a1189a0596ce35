/// The required literals of many patterns, looked for together: one pass over a line's filter
/// bytes (see ``BoilerplateLexicon/filterBytes(_:)``) tells which of the patterns could match it.
///
/// Checking each pattern's ``RequiredLiterals`` on its own scanned the line once per literal;
/// with dozens of patterns per sentence that scanning cost more than the regular expressions it
/// saved. Patterns are referred to by their index in the list the filter was made from. For
/// patterns that are nothing but a list of strings (``RequiredLiterals/wholeMatches``), the same
/// pass can also report where those strings occur, so the caller need not run them at all.
struct LiteralFilter: Sendable {
    /// Every distinct literal of every pattern.
    private let finder: LiteralFinder
    /// Every clause of every pattern is one bit, in words of 64.
    private let clauseWords: Int
    /// `literalClauses[literalStart[literal] ..< literalStart[literal + 1]]`: the clauses a
    /// literal meets.
    private let literalClauses: [Int32]
    private let literalStart: [Int32]
    /// `patternClauses[clauseStart[pattern] ..< clauseStart[pattern + 1]]`: the clauses a
    /// pattern needs met; none for a pattern without literals, which may match any line. A
    /// pattern needs one to three clauses of hundreds, so they are listed rather than kept as
    /// bit sets as wide as all of them.
    private let patternClauses: [Int32]
    private let clauseStart: [Int32]
    /// For each literal, the located patterns it is a whole match of.
    private let locatedBy: [[Int32]]
    /// The number of patterns.
    let count: Int

    /// A filter for `patterns`, in order; `nil` entries are patterns that are always run. Where
    /// `locating[i]` is true and pattern `i` has whole matches, ``Candidates/occurrences`` lists
    /// where they occur.
    init(_ patterns: [RequiredLiterals?], locating: [Bool]? = nil) {
        var literalIndex: [[UInt8]: Int] = [:]
        var literals: [[UInt8]] = []
        func index(of literal: [UInt8]) -> Int {
            if let known = literalIndex[literal] { return known }
            literalIndex[literal] = literals.count
            literals.append(literal)
            return literals.count - 1
        }
        var clauseLiterals: [[Int]] = []
        var clausesOfPattern: [[Int]] = []
        var located: [(pattern: Int, literal: Int)] = []
        for (pattern, requirement) in patterns.enumerated() {
            var clauses: [Int] = []
            for clause in requirement?.clauses ?? [] {
                clauses.append(clauseLiterals.count)
                clauseLiterals.append(clause.map(index))
            }
            clausesOfPattern.append(clauses)
            if locating?[pattern] == true, let wholeMatches = requirement?.wholeMatches {
                located += wholeMatches.map { (pattern, index(of: $0)) }
            }
        }
        let clauseWords = max(1, (clauseLiterals.count + 63) / 64)
        var clausesOfLiteral = [[Int32]](repeating: [], count: literals.count)
        for (clause, members) in clauseLiterals.enumerated() {
            for literal in members { clausesOfLiteral[literal].append(Int32(clause)) }
        }
        let literalClauses = clausesOfLiteral.flatMap { $0 }
        var literalStart: [Int32] = [0]
        for clauses in clausesOfLiteral { literalStart.append(literalStart.last! + Int32(clauses.count)) }
        var patternClauses: [Int32] = []
        var clauseStart: [Int32] = [0]
        for clauses in clausesOfPattern {
            patternClauses += clauses.map { Int32($0) }
            clauseStart.append(Int32(patternClauses.count))
        }
        var locatedBy = [[Int32]](repeating: [], count: literals.count)
        for (pattern, literal) in located { locatedBy[literal].append(Int32(pattern)) }
        finder = LiteralFinder(literals)
        self.clauseWords = clauseWords
        self.literalClauses = literalClauses
        self.literalStart = literalStart
        self.patternClauses = patternClauses
        self.clauseStart = clauseStart
        self.locatedBy = locatedBy
        count = patterns.count
    }

    /// The patterns that could match a line whose filter bytes are `lowered`; `nil` bytes rule nothing out.
    func candidates(in lowered: [UInt8]?) -> Candidates {
        guard let lowered else { return Candidates(bits: nil, occurrences: []) }
        return lowered.withUnsafeBufferPointer(candidates)
    }

    /// The patterns that could match a line whose filter bytes are `lowered`.
    func candidates(in lowered: UnsafeBufferPointer<UInt8>) -> Candidates {
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        var occurrences: [Occurrence] = []
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: clauseWords) { met in
            met.initialize(repeating: 0)
            literalClauses.withUnsafeBufferPointer { literalClauses in
                finder.forEachOccurrence(in: lowered) { literal, end in
                    for position in Int(literalStart[literal])..<Int(literalStart[literal + 1]) {
                        let clause = Int(literalClauses[position])
                        met[clause >> 6] |= 1 << UInt64(clause & 63)
                    }
                    for pattern in locatedBy[literal] {
                        occurrences.append(Occurrence(pattern: pattern, start: Int32(end - finder.literals[literal].count), end: Int32(end)))
                    }
                }
            }
            patternClauses.withUnsafeBufferPointer { patternClauses in
                clauseStart.withUnsafeBufferPointer { clauseStart in
                    for pattern in 0..<count {
                        var allMet = true
                        for position in Int(clauseStart[pattern])..<Int(clauseStart[pattern + 1]) {
                            let clause = Int(patternClauses[position])
                            if met[clause >> 6] & (1 << UInt64(clause & 63)) == 0 {
                                allMet = false
                                break
                            }
                        }
                        if allMet { bits[pattern >> 6] |= 1 << UInt64(pattern & 63) }
                    }
                }
            }
        }
        // By pattern, so each pattern's occurrences are one slice.
        occurrences.sort { ($0.pattern, $0.start, $0.end) < ($1.pattern, $1.start, $1.end) }
        return Candidates(bits: bits, occurrences: occurrences)
    }

    /// Where a whole match of a located pattern occurs: byte offsets into the filter bytes.
    struct Occurrence: Sendable, Equatable {
        var pattern: Int32
        var start: Int32
        var end: Int32
    }

    /// Which patterns could match a line, by index, and where located patterns' whole matches are.
    struct Candidates: Sendable, Equatable {
        /// One bit per pattern; `nil` when every pattern could (the line had no filter bytes).
        let bits: [UInt64]?
        /// Every occurrence of a located pattern's whole matches, by pattern, then start, then
        /// end; empty when `bits` is `nil`.
        let occurrences: [Occurrence]

        /// The occurrences of pattern `index`, by start, then end.
        func occurrences(of index: Int) -> ArraySlice<Occurrence> {
            let pattern = Int32(index)
            var low = 0
            var high = occurrences.count
            while low < high {
                let middle = (low + high) / 2
                if occurrences[middle].pattern < pattern { low = middle + 1 } else { high = middle }
            }
            var end = low
            while end < occurrences.count, occurrences[end].pattern == pattern { end += 1 }
            return occurrences[low..<end]
        }

        /// Whether pattern `index` could match.
        func contains(_ index: Int) -> Bool {
            guard let bits else { return true }
            return bits[index >> 6] & (1 << UInt64(index & 63)) != 0
        }
    }
}
