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
    /// The pattern each clause belongs to: a clause is one requirement of one pattern.
    private let patternOfClause: [Int32]
    /// How many clauses each pattern needs met.
    private let neededClauses: [UInt8]
    /// The patterns without literals, which may match any line.
    private let alwaysCandidates: [UInt64]
    /// For each literal, the located patterns one of whose whole matches starts with it, and
    /// that whole match (the literal is at most ``clauseLiteralLength`` bytes of it).
    private let locatedBy: [[(pattern: Int32, whole: [UInt8])]]
    /// The number of patterns.
    let count: Int
    /// Literals are looked for by their first bytes only, so that the automaton of thousands of
    /// literals shrinks to one that stays in the processor's cache: a line that holds a clause's
    /// literal holds its start (a few more patterns are run, very rarely), and a whole match is
    /// compared in full where its start occurs.
    static let clauseLiteralLength = 6
    /// Clauses with a shorter literal are not looked for.
    static let shortestClauseLiteral = 2

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
        var located: [(pattern: Int, literal: Int, whole: [UInt8])] = []
        for (pattern, requirement) in patterns.enumerated() {
            var clauses: [Int] = []
            // A clause with a literal of one byte (` `, `a`) is met by nearly every
            // line: it would rule little out and cost a step at nearly every byte.
            for clause in requirement?.clauses ?? [] where clause.allSatisfy({ $0.count >= Self.shortestClauseLiteral }) {
                clauses.append(clauseLiterals.count)
                clauseLiterals.append(Array(Set(clause.map { index(of: Array($0.prefix(Self.clauseLiteralLength))) })).sorted())
            }
            clausesOfPattern.append(clauses)
            if locating?[pattern] == true, let wholeMatches = requirement?.wholeMatches {
                located += wholeMatches.map { (pattern, index(of: Array($0.prefix(Self.clauseLiteralLength))), $0) }
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
        var patternOfClause = [Int32](repeating: 0, count: clauseLiterals.count)
        var alwaysCandidates = [UInt64](repeating: 0, count: (patterns.count + 63) / 64)
        for (pattern, clauses) in clausesOfPattern.enumerated() {
            for clause in clauses { patternOfClause[clause] = Int32(pattern) }
            if clauses.isEmpty { alwaysCandidates[pattern >> 6] |= 1 << UInt64(pattern & 63) }
        }
        var locatedBy = [[(pattern: Int32, whole: [UInt8])]](repeating: [], count: literals.count)
        for (pattern, literal, whole) in located { locatedBy[literal].append((Int32(pattern), whole)) }
        finder = LiteralFinder(literals)
        self.clauseWords = clauseWords
        self.literalClauses = literalClauses
        self.literalStart = literalStart
        self.patternOfClause = patternOfClause
        neededClauses = clausesOfPattern.map { UInt8($0.count) }
        self.alwaysCandidates = alwaysCandidates
        self.locatedBy = locatedBy
        count = patterns.count
    }

    /// The patterns that could match a line whose filter bytes are `lowered`; `nil` bytes rule nothing out.
    func candidates(in lowered: [UInt8]?) -> Candidates {
        guard let lowered else { return Candidates(bits: nil, occurrences: []) }
        return lowered.withUnsafeBufferPointer(candidates)
    }

    /// The patterns that could match a line whose filter bytes are `lowered`.
    ///
    /// The work follows the literals found, not the patterns: each clause met for the first
    /// time counts towards its one pattern, which is a candidate once all its clauses are met.
    func candidates(in lowered: UnsafeBufferPointer<UInt8>) -> Candidates {
        var bits = alwaysCandidates
        var occurrences: [Occurrence] = []
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: clauseWords) { met in
            met.initialize(repeating: 0)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, 1)) { metOfPattern in
                metOfPattern.initialize(repeating: 0)
                literalClauses.withUnsafeBufferPointer { literalClauses in
                    finder.forEachOccurrence(in: lowered) { literal, end in
                        for position in Int(literalStart[literal])..<Int(literalStart[literal + 1]) {
                            let clause = Int(literalClauses[position])
                            let bit: UInt64 = 1 << UInt64(clause & 63)
                            guard met[clause >> 6] & bit == 0 else { continue }
                            met[clause >> 6] |= bit
                            let pattern = Int(patternOfClause[clause])
                            metOfPattern[pattern] += 1
                            if metOfPattern[pattern] == neededClauses[pattern] { bits[pattern >> 6] |= 1 << UInt64(pattern & 63) }
                        }
                        let start = end - finder.literals[literal].count
                        for (pattern, whole) in locatedBy[literal] where start + whole.count <= lowered.count {
                            if whole.count > finder.literals[literal].count,
                               !whole.indices.dropFirst(finder.literals[literal].count).allSatisfy({ lowered[start + $0] == whole[$0] }) { continue }
                            occurrences.append(Occurrence(pattern: pattern, start: Int32(start), end: Int32(start + whole.count)))
                        }
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
