import Foundation

/// Gathers the metadata values that boilerplate rules capture and the evidence around the
/// headline (the byline and date under it, the site's name at the top, the copyright line), and
/// turns them into ``DocumentMetadata``.
struct MetadataCollector {
    var title: String?
    private var publication: String?
    private var authors: [String] = []
    private var dates: [(text: String, line: Int)] = []
    /// What the page shows around the headline, read by ``read(_:headline:settings:)``.
    private var evidence = Evidence()

    struct Evidence {
        var siteName: String?
        var copyrightHolder: String?
        var titleSuffix: String?
        var dateAfterHeadline: String?
        var dateBeforeHeadline: String?
        var authors: [String] = []
    }

    /// Records `value` for `field`; a byline's value may name several people.
    mutating func take(_ value: String?, for field: BoilerplateRule.Field?, line: Int) {
        guard let value, let field else { return }
        switch field {
        case .title:
            if title == nil { title = value }
        case .publication:
            if publication == nil { publication = value }
        case .published:
            dates.append((value, line))
        case .authors:
            for name in BylineReader.names(in: value) where !authors.contains(name) {
                authors.append(name)
            }
        }
    }

    /// Splits "A, B and C" / "A & B" into names, dropping a trailing period and anything that
    /// is not a name.
    static func names(in value: String) -> [String] { BylineReader.names(in: value) }

    /// Reads the page's own evidence once the headline is known: the date and author lines just
    /// under (or just over) it, the site's name on the first line, the copyright holder.
    mutating func read(_ page: Clean.PageState, headline: HeadlineFinder.Headline?, settings: CleanSettings) {
        let finder = HeadlineFinder(settings: settings)
        let lines = page.lines
        let hint = finder.pageTitleHint(page)
        if let hint, let suffix = hint.suffix, hint.index != headline?.index {
            evidence.titleSuffix = suffix
        }
        evidence.siteName = siteName(page, title: headline?.text ?? title, hint: hint)
        for line in lines where evidence.copyrightHolder == nil && (HeadlineFinder.has(line.folded, "©") || line.lowered.hasPrefix("copyright") || line.lowered.hasPrefix("(c)")) {
            evidence.copyrightHolder = Self.copyrightHolder(line.folded)
        }

        // Dates and names under the headline, before the body has properly started.
        let start = headline?.index.map { $0 + 1 } ?? max(0, finder.bodyStart(page, from: 0) - 4)
        var seen = 0
        var bodyLines = 0
        var index = start
        var pendingBy = false
        var firstDate: (iso: String, kind: PublicationDate.Kind, seen: Int)?
        while index < lines.count && seen < 60 && bodyLines < 3 {
            defer { index += 1 }
            let line = lines[index]
            if line.isBlank { continue }
            seen += 1
            let prose = finder.isProse(line)
            if prose && line.words >= settings.longProseWords { bodyLines += 1 }
            if line.words <= 20 && !(prose && line.words >= 12) {
                // The first date under the headline, unless it is an update and a first-publication
                // date follows within a few lines.
                for date in PublicationDate.dates(in: line.folded) {
                    if date.kind == .published, evidence.dateAfterHeadline == nil,
                       firstDate == nil || (firstDate!.kind == .updated && seen - firstDate!.seen <= 3) {
                        evidence.dateAfterHeadline = date.iso
                    }
                    if firstDate == nil { firstDate = (date.iso, date.kind, seen) }
                }
            }
            if seen <= 6 && bodyLines == 0 && evidence.authors.isEmpty {
                if pendingBy {
                    evidence.authors = BylineReader.nameLine(line.folded)
                    if evidence.authors.isEmpty { evidence.authors = BylineReader.names(in: line.folded, singleWord: false) }
                }
                pendingBy = ["by", "von", "por", "par", "door", "di"].contains(line.lowered)
                if !pendingBy && seen <= 3 && page.removedReason[index] == nil && !prose {
                    evidence.authors = BylineReader.nameLine(line.folded)
                }
            }
        }
        evidence.dateAfterHeadline = evidence.dateAfterHeadline ?? firstDate?.iso

        // A date line just over the headline (a blog's day header).
        if let headlineIndex = headline?.index {
            var previous = headlineIndex - 1
            var before = 0
            while previous >= 0 && before < 3 && evidence.dateBeforeHeadline == nil {
                defer { previous -= 1 }
                let line = lines[previous]
                if line.isBlank { continue }
                before += 1
                if line.words <= 14 && !PublicationDate.isRelative(line.lowered) {
                    evidence.dateBeforeHeadline = PublicationDate.iso(line.folded)
                }
            }
        }
    }

    /// Small words that may sit inside a site's name.
    static let nameConnectors: Set<String> = ["of", "for", "the", "and", "&", "on", "de", "du", "des", "la", "le", "der", "die", "das", "di", "del", "da"]
    /// Company-form words after a copyright holder's name.
    static let companyForms: Set<String> = ["inc", "inc.", "llc", "ltd", "ltd.", "limited", "plc", "pty", "corp", "corp.", "corporation",
                                            "co", "co.", "gmbh", "ag", "s.a.", "sa", "s.l.", "srl", "holdings", "group", "company", "bv", "b.v.", "nv"]

    /// The first line when it is a site's name: two to six capitalised words, no digits, not the
    /// headline and not a line a rule took for furniture.
    func siteName(_ page: Clean.PageState, title: String?, hint: HeadlineFinder.Hint?) -> String? {
        guard let hint, hint.suffix == nil else { return nil }
        let index = hint.index
        if let reason = page.removedReason[index], reason != "masthead" { return nil }
        var text = page.lines[index].folded
        if text.hasPrefix("[IMG] ") { text.removeFirst(6) }
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count), text.unicodeScalars.count <= 50,
              !text.contains(where: { $0.isNumber || ",:;|!?".contains($0) }),
              words.allSatisfy({ ($0.first?.isUppercase ?? false) || Self.nameConnectors.contains($0.lowercased()) }),
              words.first?.first?.isUppercase ?? false else { return nil }
        if let title, HeadlineFinder.normalized(title) == HeadlineFinder.normalized(text) { return nil }
        // Only a name the page states again (in a footer, a copyright line, a disclaimer) is the site's.
        let needle = Array(text.utf8)
        let repeated = page.lines.indices.contains { $0 != index && HeadlineFinder.has(page.lines[$0].folded, bytes: needle) }
        return repeated ? text : nil
    }

    /// "© 2025 Example Media Ltd. All rights reserved." → "Example Media".
    static func copyrightHolder(_ line: String) -> String? {
        var text = Substring(line)
        if let range = text.range(of: "©") {
            text = text[range.upperBound...]
        } else if text.lowercased().hasPrefix("copyright") {
            text = text.dropFirst("copyright".count)
        } else if text.lowercased().hasPrefix("(c)") {
            text = text.dropFirst(3)
        } else {
            return nil
        }
        var words = text.split(separator: " ").map(String.init)
        while let first = words.first, first == "©" || first.lowercased() == "copyright" || first.lowercased() == "(c)"
                || first.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "–" || $0 == "," }) {
            words.removeFirst()
        }
        var name: [String] = []
        for word in words {
            var bare = word
            let ends = bare.hasSuffix(".") || bare.hasSuffix(",")
            if ends { bare.removeLast() }
            if bare == "|" || bare == "·" || bare == "•" || bare == "-" || bare == "–" { break }
            if bare.lowercased() == "all" { break }
            guard (bare.first?.isUppercase ?? false) || nameConnectors.contains(bare.lowercased()) else { break }
            name.append(bare)
            if ends && !companyForms.contains(bare.lowercased() + ".") { break }
        }
        while let last = name.last, companyForms.contains(last.lowercased()) || nameConnectors.contains(last.lowercased()) { name.removeLast() }
        guard (1...6).contains(name.count) else { return nil }
        return name.joined(separator: " ")
    }

    /// The collected metadata; a date line that cannot be read is a warning, never a guess.
    func metadata(file: String, diagnostics: inout [Diagnostic]) -> DocumentMetadata {
        var published = evidence.dateAfterHeadline ?? evidence.dateBeforeHeadline
        for date in dates where published == nil {
            if let iso = PublicationDate.iso(date.text) {
                published = iso
                break
            }
            diagnostics.append(Diagnostic(severity: .warning, stage: Clean.description.identifier, code: "unreadable-date",
                                          location: "\(file):\(date.line)",
                                          message: "'\(date.text)' looks like a date line but is not a date Standoff can read; 'published' is left empty"))
        }
        let names = authors.isEmpty ? evidence.authors : authors
        let outlet = evidence.siteName ?? publication ?? evidence.copyrightHolder ?? evidence.titleSuffix
        return DocumentMetadata(title: title, authors: names, publication: outlet, published: published)
    }
}
