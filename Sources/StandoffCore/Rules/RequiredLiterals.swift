import Foundation

/// Strings every match of a regular expression contains (one string of each of a few sets),
/// worked out from the pattern, so a regular expression runs only on text that holds them.
///
/// Running every rule's `NSRegularExpression` on every short line was most of `clean`'s time,
/// and running every stance pattern on every sentence most of `annotate`'s; the literals rule
/// out nearly all of those runs with a byte search (see ``LiteralFilter``). Runs of literal
/// characters are joined across the pieces around them (`\s+preferable` needs `preferable`, not
/// just `p`), and small ASCII brackets (`[sz]`) are listed. The analysis is conservative:
/// look-arounds count as matching the empty string, and for syntax it does not know
/// (back-references, `\Q…\E`, comment mode) it gives up, and the rule is always run. Literals
/// are ASCII lower-cased, or caseless symbols (`©`, `’`), as UTF-8, and are looked for in the
/// ASCII-lower-cased line; a line holding a
/// non-ASCII character that changes under case folding (`ß`, `ſ`, the Kelvin sign) could match
/// an ASCII literal case-insensitively without containing it, so such lines skip the filter
/// (see ``BoilerplateLexicon``).
struct RequiredLiterals: Sendable, Equatable {
    /// The most selective clause: lower-cased strings, none empty, one of which every match
    /// contains.
    let literals: [[UInt8]]
    /// Every requirement the analysis found, `literals` first: every match contains one string of
    /// each clause (`should` and `welcome` in `should (?:\w+ )?welcome`).
    let clauses: [[[UInt8]]]
    /// Every string the pattern matches, lower-cased, when it is nothing but a short list of
    /// ASCII strings (`summits?`, `negotiat(?:e|ed|ions?)`): matched case-insensitively, the
    /// pattern matches exactly the text whose ASCII lower case is one of them, so where those
    /// occur is where it matches.
    let wholeMatches: [[UInt8]]?
    /// The literals of all clauses, for ``occurs(in:)``.
    private let finder: LiteralFinder

    /// The literals of `pattern`; `nil` when some match need contain no literal, or the pattern
    /// uses syntax the analysis does not cover.
    init?(pattern: String) {
        var parser = Parser(pattern: Array(pattern.unicodeScalars))
        guard let info = try? parser.alternation(), parser.position == parser.pattern.count else { return nil }
        // A literal that contains another is implied by it: "cookie" covers "cookies".
        let clauses = info.needed.map { needed in
            needed.filter { literal in !needed.contains { $0 != literal && RequiredLiterals.holds(literal, $0) } }.sorted().map { Array($0.utf8) }
        }
        guard let first = clauses.first else { return nil }
        literals = first
        self.clauses = clauses
        // Whole matches are found from byte offsets that count one scalar per byte: ASCII only.
        wholeMatches = info.isPrecise ? info.exact.flatMap { exact in
            exact.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? exact.sorted().map { Array($0.utf8) } : nil
        } : nil
        finder = LiteralFinder(clauses.flatMap { $0 })
    }

    /// Whether every clause has a literal that occurs in `line` (lower-cased ASCII bytes).
    func occurs(in line: UnsafeBufferPointer<UInt8>) -> Bool {
        var found: Set<[UInt8]> = []
        finder.forEachOccurrence(in: line) { literal, _ in found.insert(finder.literals[literal]) }
        return clauses.allSatisfy { clause in clause.contains(where: found.contains) }
    }

    /// What is known about the strings a piece of pattern matches.
    struct Info {
        /// Every string the piece can match, when that is a short list.
        var exact: Set<String>?
        /// Clauses: every match contains one string of each.
        var required: [Set<String>] = []
        /// Strings one of which every match starts with; `nil` when nothing is known.
        var prefixes: Set<String>?
        /// Strings one of which every match ends with; `nil` when nothing is known.
        var suffixes: Set<String>?
        /// Whether `exact` is all the piece matches, not a superset: no look-around or anchor
        /// narrows it, and no flag turns case-insensitivity off.
        var isPrecise = false

        /// The empty string, as an empty sequence or group matches it.
        static let empty = Info(exact: [""], isPrecise: true)
        /// Zero-width assertions: `^`, `$`, `\b`, look-arounds; they may rule matches out.
        static let assertion = Info(exact: [""])
        /// Matches something, but nothing is known of what (`.`, `\d`, `[a-z]`, non-ASCII).
        static let unknown = Info(exact: nil)

        /// The strings one of which every match starts with.
        var starts: Set<String>? { exact ?? prefixes }
        /// The strings one of which every match ends with.
        var ends: Set<String>? { exact ?? suffixes }

        /// The clauses every match meets, most selective first.
        var needed: [Set<String>] {
            if let exact { return RequiredLiterals.normalized([exact]) }
            return RequiredLiterals.normalized(required + [prefixes, suffixes].compactMap { $0 })
        }
    }

    /// Exact sets larger than this are given up for `required` sets.
    static let exactLimit = 24
    /// Clauses kept per piece of pattern, the most selective ones.
    static let clauseLimit = 4

    /// How selective a clause is: the longer its shortest literal, then the fewer its literals,
    /// the more; ties are broken by the literals themselves, so the order is stable.
    struct Selectivity: Comparable {
        let shortest: Int
        let count: Int
        let literals: [String]

        init(_ clause: Set<String>) {
            shortest = clause.map(\.utf8.count).min() ?? 0
            count = clause.count
            literals = clause.sorted()
        }

        /// More selective first.
        static func < (a: Selectivity, b: Selectivity) -> Bool {
            if a.shortest != b.shortest { return a.shortest > b.shortest }
            if a.count != b.count { return a.count < b.count }
            return a.literals.lexicographicallyPrecedes(b.literals)
        }
    }

    /// `clauses` without vacuous ones (holding the empty string), without those another clause
    /// implies (`{p}` once `{preferable}` is required), most selective first, at most ``clauseLimit``.
    static func normalized(_ clauses: [Set<String>]) -> [Set<String>] {
        var kept: [Set<String>] = []
        let ranked = clauses.filter { !$0.isEmpty && !$0.contains("") }.map { (clause: $0, rank: Selectivity($0)) }
        for (clause, _) in ranked.sorted(by: { $0.rank < $1.rank }) where kept.count < clauseLimit {
            // `other` implies `clause` when each of its strings contains one of `clause`'s.
            let implied = kept.contains { other in other.allSatisfy { string in clause.contains { holds(string, $0) } } }
            if !implied { kept.append(clause) }
        }
        return kept
    }

    /// Whether `string` contains `part`, byte for byte.
    ///
    /// Compared in the strings' own UTF-8 buffers: copying both into arrays and comparing slices
    /// on every call was most of the time it took to read a large rule file.
    static func holds(_ string: String, _ part: String) -> Bool {
        var string = string, part = part
        return string.withUTF8 { bytes in
            part.withUTF8 { needle in
                guard needle.count <= bytes.count else { return false }
                guard let first = needle.first else { return true }
                for start in 0...(bytes.count - needle.count) where bytes[start] == first {
                    var matched = 1
                    while matched < needle.count && bytes[start + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                return false
            }
        }
    }

    /// Every string of `a` followed by every string of `b`; `nil` when either is unknown or
    /// there would be more than ``exactLimit``.
    static func product(_ a: Set<String>?, _ b: Set<String>?) -> Set<String>? {
        guard let a, let b, a.count * b.count <= exactLimit else { return nil }
        return Set(a.flatMap { x in b.map { x + $0 } })
    }

    static func concatenate(_ a: Info, _ b: Info) -> Info {
        if let exact = product(a.exact, b.exact) { return Info(exact: exact, isPrecise: a.isPrecise && b.isPrecise) }
        var info = Info.unknown
        // A match starts as `a`'s matches start, or, when `a` is exact, with `a`'s string and then
        // as `b`'s start; likewise at the end. Where the two meet, an end of `a` touches a start of `b`.
        info.prefixes = a.exact.map { product($0, b.starts ?? [""]) ?? $0 } ?? a.prefixes
        info.suffixes = b.exact.map { product(a.ends ?? [""], $0) ?? $0 } ?? b.suffixes
        info.required = normalized(a.needed + b.needed + [product(a.ends, b.starts)].compactMap { $0 })
        return info
    }

    static func alternate(_ a: Info, _ b: Info) -> Info {
        if let left = a.exact, let right = b.exact, left.count + right.count <= exactLimit {
            return Info(exact: left.union(right), isPrecise: a.isPrecise && b.isPrecise)
        }
        var info = Info.unknown
        if let left = a.starts, let right = b.starts { info.prefixes = left.union(right) }
        if let left = a.ends, let right = b.ends { info.suffixes = left.union(right) }
        // Each match meets a clause of one side and one of the other: it meets their union.
        info.required = normalized(a.needed.flatMap { left in b.needed.map { left.union($0) } })
        return info
    }

    /// Syntax the analysis does not cover.
    struct Unsupported: Error {}

    /// A recursive-descent reading of ICU pattern syntax, enough for the rule files.
    struct Parser {
        let pattern: [Unicode.Scalar]
        var position = 0

        init(pattern: [Unicode.Scalar]) {
            self.pattern = pattern
        }

        var current: Unicode.Scalar? { position < pattern.count ? pattern[position] : nil }

        mutating func alternation() throws -> Info {
            var info = try sequence()
            while current == "|" {
                position += 1
                info = RequiredLiterals.alternate(info, try sequence())
            }
            return info
        }

        mutating func sequence() throws -> Info {
            var info = Info.empty
            while let scalar = current, scalar != "|", scalar != ")" {
                info = RequiredLiterals.concatenate(info, try quantified())
            }
            return info
        }

        mutating func quantified() throws -> Info {
            let atom = try self.atom()
            let minimum: Int
            let maximum: Int?
            switch current {
            case "?": (minimum, maximum) = (0, 1)
            case "*": (minimum, maximum) = (0, nil)
            case "+": (minimum, maximum) = (1, nil)
            case "{":
                position += 1
                minimum = try number()
                if current == "," {
                    position += 1
                    maximum = current == "}" ? nil : try number()
                } else {
                    maximum = minimum
                }
                guard current == "}" else { throw Unsupported() }
            default:
                return atom
            }
            position += 1
            // Lazy and possessive forms match the same strings.
            if current == "?" || current == "+" { position += 1 }
            switch (minimum, maximum) {
            case (1, 1?): return atom
            case (0, 1?): return atom.exact.map { Info(exact: $0.union([""]), isPrecise: atom.isPrecise) } ?? .unknown
            case (0, _): return .unknown
            default: return Info(exact: nil, required: atom.needed, prefixes: atom.starts, suffixes: atom.ends)
            }
        }

        mutating func number() throws -> Int {
            var value: Int?
            while let scalar = current, scalar.value >= 0x30, scalar.value <= 0x39 {
                value = (value ?? 0) * 10 + Int(scalar.value - 0x30)
                position += 1
            }
            guard let value else { throw Unsupported() }
            return value
        }

        mutating func atom() throws -> Info {
            guard let scalar = current else { throw Unsupported() }
            position += 1
            switch scalar {
            case "^", "$":
                return .assertion
            case ".":
                return .unknown
            case "(":
                return try group()
            case "[":
                return try characterClass()
            case "\\":
                return try escape()
            case "*", "+", "?", "{", ")", "|":
                throw Unsupported()
            default:
                return RequiredLiterals.literal(scalar)
            }
        }

        mutating func group() throws -> Info {
            if current == "?" {
                position += 1
                if current == ":" {
                    position += 1
                } else if current == "=" || current == "!" || (current == "<" && position + 1 < pattern.count
                                                                && (pattern[position + 1] == "=" || pattern[position + 1] == "!")) {
                    // A look-around only narrows where the rest matches and consumes nothing, so
                    // what the rest needs every match still contains: it counts as empty.
                    position += current == "<" ? 2 : 1
                    _ = try alternation()
                    guard current == ")" else { throw Unsupported() }
                    position += 1
                    return .assertion
                } else if current == "<", position + 1 < pattern.count, pattern[position + 1] != "=", pattern[position + 1] != "!" {
                    // A named group: `(?<value>…)`.
                    while let next = current, next != ">" { position += 1 }
                    guard current == ">" else { throw Unsupported() }
                    position += 1
                } else {
                    // Only the case flag: `(?i:…)`, `(?-i:…)`, `(?i)`. Literals ignore case anyway,
                    // but a case-sensitive piece matches less than its lower-cased strings say.
                    var caseSensitive = false
                    while let next = current, next == "i" || next == "-" {
                        caseSensitive = caseSensitive || next == "-"
                        position += 1
                    }
                    if current == ")" {
                        position += 1
                        return caseSensitive ? .assertion : .empty
                    }
                    guard current == ":" else { throw Unsupported() }
                    position += 1
                    var info = try alternation()
                    guard current == ")" else { throw Unsupported() }
                    position += 1
                    if caseSensitive { info.isPrecise = false }
                    return info
                }
            }
            let info = try alternation()
            guard current == ")" else { throw Unsupported() }
            position += 1
            return info
        }

        /// A bracket expression: the ASCII characters it lists, when it lists only a few;
        /// otherwise (negation, properties, wide ranges, non-ASCII) unknown.
        mutating func characterClass() throws -> Info {
            var members: Set<String>? = []
            if current == "^" {
                position += 1
                members = nil
            }
            var first = true
            while let scalar = current, scalar != "]" || first {
                first = false
                // Nested sets and set operations are left to the regular expression.
                if scalar == "[" || (scalar == "&" && next == "&") { throw Unsupported() }
                var member: Unicode.Scalar?
                if scalar == "\\" {
                    // Escaped punctuation is itself; escaped letters and digits are classes or codes.
                    if let escaped = next, escaped.isASCII, !Self.isAlphanumeric(escaped) { member = escaped }
                    position += 2
                } else {
                    member = scalar
                    position += 1
                }
                if current == "-", let end = next, end != "]" {
                    // A range: listed only between two ASCII letters or two digits.
                    position += 2
                    if let start = member, Self.isAlphanumeric(start), Self.isAlphanumeric(end),
                       start.properties.isAlphabetic == end.properties.isAlphabetic, start.value <= end.value,
                       end.value - start.value < UInt32(RequiredLiterals.exactLimit) {
                        for value in start.value...end.value { members?.formUnion(RequiredLiterals.literal(Unicode.Scalar(value)!).exact ?? []) }
                    } else {
                        members = nil
                    }
                    continue
                }
                if let member, let literal = RequiredLiterals.literal(member).exact {
                    members?.formUnion(literal)
                } else {
                    members = nil
                }
            }
            guard current == "]" else { throw Unsupported() }
            position += 1
            guard let members, !members.isEmpty, members.count <= RequiredLiterals.exactLimit else { return .unknown }
            return Info(exact: members, isPrecise: true)
        }

        /// The scalar after the current one.
        var next: Unicode.Scalar? { position + 1 < pattern.count ? pattern[position + 1] : nil }

        static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
        }

        mutating func escape() throws -> Info {
            guard let scalar = current else { throw Unsupported() }
            position += 1
            switch scalar {
            case "b", "B", "A", "z", "Z", "G":
                return .assertion
            case "d", "D", "w", "W", "s", "S", "h", "H", "v", "V", "R", "X":
                return .unknown
            case "p", "P":
                if current == "{" {
                    while let next = current, next != "}" { position += 1 }
                    guard current == "}" else { throw Unsupported() }
                }
                position += 1
                return .unknown
            default:
                // Escaped punctuation is itself; escaped letters and digits mean something else.
                guard scalar.isASCII, !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) else {
                    if !scalar.isASCII { return .unknown }
                    throw Unsupported()
                }
                return RequiredLiterals.literal(scalar)
            }
        }
    }

    /// A literal character: ASCII is lower-cased; a symbol or punctuation mark that case
    /// folding leaves alone (`©`, `’`, `—`) is itself, since case-insensitive matching can only
    /// match it to itself on a line whose characters all fold to themselves, the only lines
    /// the filter reads (see ``BoilerplateLexicon/filterBytes(_:)``); other characters, letters
    /// and marks above all, are treated as unknown, since case-insensitive matching may fold
    /// them to or from other strings.
    static func literal(_ scalar: Unicode.Scalar) -> Info {
        guard scalar.isASCII else {
            guard isCaselessSymbol(scalar) else { return .unknown }
            return Info(exact: [String(scalar)], isPrecise: true)
        }
        let value = scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value + 0x20 : scalar.value
        return Info(exact: [String(Unicode.Scalar(value)!)], isPrecise: true)
    }

    /// Punctuation, symbols and separators without case.
    static func isCaselessSymbol(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        guard !properties.isCased, !properties.changesWhenCaseFolded, !properties.changesWhenCaseMapped else { return false }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
             .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
