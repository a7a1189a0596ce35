/// The required literals of many patterns, looked for together: one pass over a line's filter
/// bytes (see ``BoilerplateLexicon/filterBytes(_:)``) tells which of the patterns could match it.
///
/// Checking each pattern's ``RequiredLiterals`` on its own scanned the line once per literal;
/// with dozens of patterns per sentence that scanning cost more than the regular expressions it
/// saved. Patterns are referred to by their index in the list the filter was made from.
struct LiteralFilter: Sendable {
    /// Every distinct literal of every pattern.
    private let finder: LiteralFinder
    /// Every clause of every pattern is one bit, in words of 64.
    private let clauseWords: Int
    /// `literalClauses[literal * clauseWords ..< (literal + 1) * clauseWords]`: the clauses a
    /// literal meets.
    private let literalClauses: [UInt64]
    /// `patternClauses[pattern * clauseWords ..< (pattern + 1) * clauseWords]`: the clauses a
    /// pattern needs met; none for a pattern without literals, which may match any line.
    private let patternClauses: [UInt64]
    /// The number of patterns.
    let count: Int

    /// A filter for `patterns`, in order; `nil` entries are patterns that are always run.
    init(_ patterns: [RequiredLiterals?]) {
        var literalIndex: [[UInt8]: Int] = [:]
        var literals: [[UInt8]] = []
        var clauseLiterals: [[Int]] = []
        var clausesOfPattern: [[Int]] = []
        for pattern in patterns {
            var clauses: [Int] = []
            for clause in pattern?.clauses ?? [] {
                clauses.append(clauseLiterals.count)
                clauseLiterals.append(clause.map { literal in
                    if let known = literalIndex[literal] { return known }
                    literalIndex[literal] = literals.count
                    literals.append(literal)
                    return literals.count - 1
                })
            }
            clausesOfPattern.append(clauses)
        }
        let clauseWords = max(1, (clauseLiterals.count + 63) / 64)
        var literalClauses = [UInt64](repeating: 0, count: literals.count * clauseWords)
        for (clause, members) in clauseLiterals.enumerated() {
            for literal in members { literalClauses[literal * clauseWords + clause / 64] |= 1 << UInt64(clause % 64) }
        }
        var patternClauses = [UInt64](repeating: 0, count: patterns.count * clauseWords)
        for (pattern, clauses) in clausesOfPattern.enumerated() {
            for clause in clauses { patternClauses[pattern * clauseWords + clause / 64] |= 1 << UInt64(clause % 64) }
        }
        finder = LiteralFinder(literals)
        self.clauseWords = clauseWords
        self.literalClauses = literalClauses
        self.patternClauses = patternClauses
        count = patterns.count
    }

    /// The patterns that could match a line whose filter bytes are `lowered`; `nil` bytes rule nothing out.
    func candidates(in lowered: [UInt8]?) -> Candidates {
        guard let lowered else { return Candidates(bits: nil) }
        return lowered.withUnsafeBufferPointer(candidates)
    }

    /// The patterns that could match a line whose filter bytes are `lowered`.
    func candidates(in lowered: UnsafeBufferPointer<UInt8>) -> Candidates {
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: clauseWords) { met in
            met.initialize(repeating: 0)
            literalClauses.withUnsafeBufferPointer { literalClauses in
                finder.forEachOccurrence(in: lowered) { literal, _ in
                    for word in 0..<clauseWords { met[word] |= literalClauses[literal * clauseWords + word] }
                }
            }
            patternClauses.withUnsafeBufferPointer { patternClauses in
                for pattern in 0..<count {
                    let needed = pattern * clauseWords
                    if (0..<clauseWords).allSatisfy({ patternClauses[needed + $0] & ~met[$0] == 0 }) {
                        bits[pattern >> 6] |= 1 << UInt64(pattern & 63)
                    }
                }
            }
        }
        return Candidates(bits: bits)
    }

    /// Which patterns could match a line, by index.
    struct Candidates: Sendable, Equatable {
        /// One bit per pattern; `nil` when every pattern could.
        let bits: [UInt64]?

        /// Whether pattern `index` could match.
        func contains(_ index: Int) -> Bool {
            guard let bits else { return true }
            return bits[index >> 6] & (1 << UInt64(index & 63)) != 0
        }
    }
}
