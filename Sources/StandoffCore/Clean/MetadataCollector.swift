import Foundation

/// Gathers the metadata values that boilerplate rules capture, first value wins, and turns
/// them into ``DocumentMetadata``.
struct MetadataCollector {
    var title: String?
    private var publication: String?
    private var authors: [String] = []
    private var dates: [(text: String, line: Int)] = []

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
            for name in MetadataCollector.names(in: value) where !authors.contains(name) {
                authors.append(name)
            }
        }
    }

    /// Splits "A, B and C" / "A & B" into names, dropping a trailing period.
    static func names(in value: String) -> [String] {
        var text = value
        for separator in [", and ", " and ", " & ", ";"] {
            text = text.replacingOccurrences(of: separator, with: ",")
        }
        return text.split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }
    }

    /// The collected metadata; a date line that cannot be read is a warning, never a guess.
    func metadata(file: String, diagnostics: inout [Diagnostic]) -> DocumentMetadata {
        var published: String?
        for date in dates {
            if let iso = PublicationDate.iso(date.text) {
                published = iso
                break
            }
            diagnostics.append(Diagnostic(severity: .warning, stage: Clean.description.identifier, code: "unreadable-date",
                                          location: "\(file):\(date.line)",
                                          message: "'\(date.text)' looks like a date line but is not a date Standoff can read; 'published' is left empty"))
        }
        return DocumentMetadata(title: title, authors: authors, publication: publication, published: published)
    }
}
