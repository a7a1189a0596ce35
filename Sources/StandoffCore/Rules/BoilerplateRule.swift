import Foundation

/// One line of `annotations/rules/boilerplate.jsonl`: a phrase pattern that marks a raw line
/// as page furniture rather than article text, optionally yielding a metadata value.
///
/// ```json
/// {"id": "subscription-prompt", "summary": "Calls to subscribe or sign up.",
///  "pattern": "^(subscribe|sign up)\\b", "max_words": 30,
///  "match": ["Subscribe for full access."], "no_match": ["Voters subscribe to many views."]}
/// ```
public struct BoilerplateRule: RuleLineDecodable, Equatable {
    /// Where in the page a rule may fire.
    public enum Scope: String, Decodable, Sendable, Equatable {
        /// Any line.
        case any
        /// Lines before the first body paragraph (mastheads, bylines, datelines).
        case head
        /// Lines after the last long body paragraph (author bios, footers).
        case tail
    }

    /// The kind of page section a heading opens: everything under it, up to the next stretch of
    /// article prose, is that section rather than body.
    public enum Section: String, Decodable, Sendable, Equatable {
        /// Reader comments ("12 Comments", "Leave a reply"): they run to the end of the page.
        case comments
        /// Lists of other articles ("Related", "More stories"): they end where prose resumes.
        case teasers
        /// A note after the article ("About the author", "About Example Corp"): it and what
        /// follows are not body.
        case closing
        /// Not a heading but a comment's reply or vote link: the comment just above it, and
        /// what follows, are readers' comments.
        case reply
        /// Not a heading but a picture credit: the block just above it is the picture's caption.
        case caption
    }

    /// The metadata field a rule's `value` capture fills.
    public enum Field: String, Decodable, Sendable, Equatable {
        case title, authors, publication, published
    }

    /// Stable identifier, recorded as the `reason` of every line the rule removes.
    public var id: String
    /// One sentence: what kind of line this is.
    public var summary: String
    /// An ICU regular expression matched against the line with white space folded.
    public var pattern: String
    /// Match letter case exactly; by default case is ignored.
    public var caseSensitive: Bool?
    /// The rule fires only on lines of at most this many words, so prose that happens
    /// to contain the phrase is never removed.
    public var maxWords: Int?
    /// Where the rule may fire; `any` when absent.
    public var scope: Scope?
    /// The metadata field filled from the pattern's named group `value`.
    public var assigns: Field?
    /// The section a line the rule removes opens, if it is a section heading.
    public var section: Section?
    /// Lines the rule must remove (run by the test suite).
    public var match: [String]
    /// Lines the rule must leave alone (run by the test suite).
    public var noMatch: [String]?

    /// The keys a line may use, in the file's `snake_case`.
    public static let keys: Set<String> = ["id", "summary", "pattern", "case_sensitive", "max_words", "scope", "assigns", "section",
                                           "match", "no_match"]
}

/// The boilerplate rules, compiled, in file order: the first rule that matches a line wins.
public struct BoilerplateLexicon: Sendable {
    /// A rule with its compiled pattern.
    public struct Compiled: Sendable {
        /// The rule as written.
        public let rule: BoilerplateRule
        /// The rule file it was written in, as the loader was given it.
        public let file: String
        /// Its 1-based line there.
        public let line: Int
        /// `file:line`, the way compilers name a place.
        public var location: String { "\(file):\(line)" }
        let regex: SendableRegex
        /// Strings one of which every line the pattern matches contains, if the pattern shows any.
        let literals: RequiredLiterals?

        /// The rule's scope, `any` when the file leaves it out.
        public var scope: BoilerplateRule.Scope { rule.scope ?? .any }

        /// Whether the rule fires on `line` (white space already folded), and the captured value.
        public func match(_ line: String, words: Int) -> (matched: Bool, value: String?) {
            match(NSString(string: line), words: words)
        }

        func match(_ line: NSString, words: Int) -> (matched: Bool, value: String?) {
            if let maxWords = rule.maxWords, words > maxWords { return (false, nil) }
            return regex.firstMatch(in: line, group: rule.assigns == nil ? nil : "value")
        }
    }

    /// Compiled rules in file order.
    public let rules: [Compiled]
    /// The rules' literals, looked for in one pass per line; pattern `i` is `rules[i]`.
    let filter: LiteralFilter

    /// Compiles the rules, checking that each pattern is valid and that a rule that assigns a
    /// field has a `value` group to fill it from.
    public init(rules: [RuleLine<BoilerplateRule>]) throws {
        var seen: Set<String> = []
        self.rules = try rules.map { line in
            let rule = line.rule
            func invalid(_ reason: String) -> StandoffError {
                StandoffError.invalidRule(file: line.file, line: line.line, reason: "rule '\(rule.id)': \(reason)")
            }
            guard seen.insert(rule.id).inserted else { throw invalid("the id is used twice; ids must be unique") }
            guard !rule.match.isEmpty else { throw invalid("add at least one 'match' example") }
            let regex: SendableRegex
            do {
                regex = try SendableRegex(rule.pattern, caseSensitive: rule.caseSensitive ?? false)
            } catch {
                throw invalid("pattern does not compile: \(error.localizedDescription)")
            }
            if rule.assigns != nil && !rule.pattern.contains("(?<value>") {
                throw invalid("assigns '\(rule.assigns!.rawValue)' but the pattern has no (?<value>…) group")
            }
            return Compiled(rule: rule, file: line.file, line: line.line, regex: regex, literals: RequiredLiterals(pattern: rule.pattern))
        }
        filter = LiteralFilter(self.rules.map(\.literals))
    }

    /// Decodes and compiles a boilerplate rule file.
    public static func decode(file: String, contents: String) throws -> BoilerplateLexicon {
        try BoilerplateLexicon(rules: RuleFile.decode(BoilerplateRule.self, file: file, contents: contents))
    }

    /// The first rule of `scope` that fires on `line`, with its captured value.
    public func firstMatch(_ line: String, words: Int, scope: BoilerplateRule.Scope) -> (rule: Compiled, value: String?)? {
        // Made when a rule first gets past its word limit: the rules whose literals the line
        // holds, and the line bridged to NSString, once per line rather than once per rule
        // (bridging dominates on Linux).
        var candidates: LiteralFilter.Candidates?
        var bridged: NSString?
        // By index, reading fields in place: copying each rule (strings and arrays) cost more
        // than the checks.
        for index in rules.indices where rules[index].scope == scope {
            if let maxWords = rules[index].rule.maxWords, words > maxWords { continue }
            if rules[index].literals != nil {
                if candidates == nil { candidates = filter.candidates(in: BoilerplateLexicon.filterBytes(line)) }
                if !candidates!.contains(index) { continue }
            }
            if bridged == nil { bridged = NSString(string: line) }
            let result = rules[index].match(bridged!, words: words)
            if result.matched { return (rules[index], result.value) }
        }
        return nil
    }

    /// `line` with ASCII letters lower-cased, for ``RequiredLiterals``; `nil` when the line holds
    /// a character that case-insensitive matching could read as ASCII letters (`ß`, `ſ`, `K`).
    static func filterBytes(_ line: String) -> [UInt8]? {
        filterBytes(line.unicodeScalars, byteCount: line.utf8.count)
    }

    /// The filter bytes of a line already cut into scalars; `byteCount` is its UTF-8 length.
    static func filterBytes(_ scalars: some Sequence<Unicode.Scalar>, byteCount: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        for scalar in scalars {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                bytes.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
            } else if scalar.properties.changesWhenCaseFolded {
                return nil
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return bytes
    }
}

/// An immutable compiled regular expression, safe to share between tasks.
struct SendableRegex: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let regex: NSRegularExpression

    init(_ pattern: String, caseSensitive: Bool) throws {
        regex = try NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive])
    }

    /// The UTF-16 ranges of every non-overlapping match, in text order.
    func ranges(in text: String) -> [NSRange] {
        regex.matches(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)).map(\.range)
    }

    /// Whether the pattern matches, and the text of the named group (trimmed), if it took part.
    func firstMatch(in text: NSString, group: String?) -> (matched: Bool, value: String?) {
        let range = NSRange(location: 0, length: text.length)
        guard let match = regex.firstMatch(in: text as String, options: [], range: range) else { return (false, nil) }
        // Asking for a group the pattern lacks raises, so callers name one only when it exists.
        guard let group else { return (true, nil) }
        let groupRange = match.range(withName: group)
        guard groupRange.location != NSNotFound else { return (true, nil) }
        let value = text.substring(with: groupRange).trimmingCharacters(in: .whitespaces)
        return (true, value.isEmpty ? nil : value)
    }
}
