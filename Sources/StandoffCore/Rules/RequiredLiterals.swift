import Foundation

/// Strings one of which every match of a regular expression contains, worked out from the
/// pattern, so a boilerplate rule's regular expression runs only on lines that contain one.
///
/// Running every rule's `NSRegularExpression` on every short line was most of `clean`'s time;
/// the literals rule out nearly all of those runs with a byte search. The analysis is
/// conservative: look-arounds count as matching the empty string, and for syntax it does not know (back-references, `\Q…\E`, comment
/// mode) it gives up, and the rule is always run. Literals are ASCII and lower-cased, and are
/// looked for in the ASCII-lower-cased line; a line holding a non-ASCII character that changes
/// under case folding (`ß`, `ſ`, the Kelvin sign) could match an ASCII literal case-insensitively
/// without containing it, so such lines skip the filter (see ``BoilerplateLexicon``).
struct RequiredLiterals: Sendable, Equatable {
    /// Lower-cased ASCII strings, none empty.
    let literals: [[UInt8]]

    /// The literals of `pattern`; `nil` when some match need contain no literal, or the pattern
    /// uses syntax the analysis does not cover.
    init?(pattern: String) {
        var parser = Parser(pattern: Array(pattern.unicodeScalars))
        guard let info = try? parser.alternation(), parser.position == parser.pattern.count,
              let needed = info.needed, !needed.isEmpty else { return nil }
        // A literal that contains another is implied by it: "cookie" covers "cookies".
        let minimal = needed.filter { literal in !needed.contains { $0 != literal && literal.contains($0) } }
        literals = minimal.sorted().map { Array($0.utf8) }
    }

    /// Whether one of the literals occurs in `line` (lower-cased ASCII bytes).
    func occurs(in line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return false }
        for literal in literals where literal.count <= line.count {
            let found = literal.withUnsafeBufferPointer { needle -> Bool in
                let first = Int32(needle[0])
                var start = 0
                let last = line.count - needle.count
                while start <= last {
                    guard let hit = memchr(base + start, first, last - start + 1) else { return false }
                    start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + start, needle.baseAddress!, needle.count) == 0 { return true }
                    start += 1
                }
                return false
            }
            if found { return true }
        }
        return false
    }

    /// What is known about the strings a piece of pattern matches.
    struct Info {
        /// Every string the piece can match, when that is a short list.
        var exact: Set<String>?
        /// Strings one of which every match contains; `nil` when nothing is known.
        var required: Set<String>?

        /// Zero-width: `^`, `$`, `\b`.
        static let empty = Info(exact: [""], required: nil)
        /// Matches something, but nothing is known of what (`.`, `\d`, `[a-z]`, non-ASCII).
        static let unknown = Info(exact: nil, required: nil)

        /// The strings one of which a match contains.
        var needed: Set<String>? {
            if let exact { return exact.contains("") ? nil : exact }
            return required
        }
    }

    /// Exact sets larger than this are given up for `required` sets.
    static let exactLimit = 24

    /// The more selective of two requirements: the one whose shortest literal is longer.
    static func better(_ a: Set<String>?, _ b: Set<String>?) -> Set<String>? {
        guard let a else { return b }
        guard let b else { return a }
        let shortestA = a.map(\.utf8.count).min() ?? 0
        let shortestB = b.map(\.utf8.count).min() ?? 0
        if shortestA != shortestB { return shortestA > shortestB ? a : b }
        return a.count <= b.count ? a : b
    }

    static func concatenate(_ a: Info, _ b: Info) -> Info {
        if let left = a.exact, let right = b.exact, left.count * right.count <= exactLimit {
            return Info(exact: Set(left.flatMap { x in right.map { x + $0 } }), required: nil)
        }
        return Info(exact: nil, required: better(a.needed, b.needed))
    }

    static func alternate(_ a: Info, _ b: Info) -> Info {
        if let left = a.exact, let right = b.exact, left.count + right.count <= exactLimit {
            return Info(exact: left.union(right), required: nil)
        }
        guard let left = a.needed, let right = b.needed else { return .unknown }
        return Info(exact: nil, required: left.union(right))
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
            case (0, 1?): return atom.exact.map { Info(exact: $0.union([""]), required: nil) } ?? .unknown
            case (0, _): return .unknown
            default: return Info(exact: nil, required: atom.needed)
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
                return .empty
            case ".":
                return .unknown
            case "(":
                return try group()
            case "[":
                try skipClass()
                return .unknown
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
                    return .empty
                } else if current == "<", position + 1 < pattern.count, pattern[position + 1] != "=", pattern[position + 1] != "!" {
                    // A named group: `(?<value>…)`.
                    while let next = current, next != ">" { position += 1 }
                    guard current == ">" else { throw Unsupported() }
                    position += 1
                } else {
                    // Only the case flag: `(?i:…)`, `(?-i:…)`, `(?i)`. Literals ignore case anyway.
                    while let next = current, next == "i" || next == "-" { position += 1 }
                    if current == ")" {
                        position += 1
                        return .empty
                    }
                    guard current == ":" else { throw Unsupported() }
                    position += 1
                }
            }
            let info = try alternation()
            guard current == ")" else { throw Unsupported() }
            position += 1
            return info
        }

        mutating func skipClass() throws {
            if current == "^" { position += 1 }
            if current == "]" { position += 1 }
            while let scalar = current, scalar != "]" {
                // Nested sets and set operations are left to the regular expression.
                if scalar == "[" { throw Unsupported() }
                position += scalar == "\\" ? 2 : 1
            }
            guard current == "]" else { throw Unsupported() }
            position += 1
        }

        mutating func escape() throws -> Info {
            guard let scalar = current else { throw Unsupported() }
            position += 1
            switch scalar {
            case "b", "B", "A", "z", "Z", "G":
                return .empty
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

    /// A literal character: ASCII is lower-cased; other characters are treated as unknown, since
    /// case-insensitive matching may fold them to or from other strings.
    static func literal(_ scalar: Unicode.Scalar) -> Info {
        guard scalar.isASCII else { return .unknown }
        let value = scalar.value >= 0x41 && scalar.value <= 0x5A ? scalar.value + 0x20 : scalar.value
        return Info(exact: [String(Unicode.Scalar(value)!)], required: nil)
    }
}
