/// Accumulates a Markdown report's lines, applies the list cap and escapes text from the data.
struct MarkdownWriter {
    let options: DatasetDiff.MarkdownOptions
    private(set) var text = ""

    init(options: DatasetDiff.MarkdownOptions) {
        self.options = options
    }

    /// `text` with Markdown punctuation escaped and line breaks as spaces, safe in a list item or a table cell.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": output += "\\" + String(character)
            case "\n", "\r": output += " "
            default: output.append(character)
            }
        }
        return output
    }

    mutating func line(_ line: String) {
        text += line + "\n"
    }

    mutating func blank() {
        text += "\n"
    }

    /// A heading `depth` levels below the report's own.
    mutating func heading(_ depth: Int, _ title: String) {
        line(String(repeating: "#", count: min(6, options.headingLevel + depth)) + " " + title)
        blank()
    }

    /// A bulleted list of at most `options.limit` items, then "… and N more", then a blank line.
    mutating func list<Item>(_ items: [Item], lead: String?, _ render: (Item) -> String) {
        if let lead { line(lead) ; blank() }
        guard !items.isEmpty else { return }
        for item in items.prefix(options.limit) { line("- " + render(item)) }
        if items.count > options.limit { line("- … and \(items.count - options.limit) more") }
        blank()
    }

    /// Table rows, at most `options.limit` of them, then a row saying how many more.
    mutating func rows<Item>(_ items: [Item], _ render: (Item) -> String) {
        for item in items.prefix(options.limit) { line(render(item)) }
        if items.count > options.limit { line("| … and \(items.count - options.limit) more |") }
        blank()
    }

    /// Quotes sentences with this writer's text limit; a value, so list renderers can use it while the writer appends.
    var quote: Quoter { Quoter(textLimit: options.textLimit) }

    /// Puts sentences from the data in quotes.
    struct Quoter {
        /// Longer sentences are shortened to this many characters.
        let textLimit: Int

        /// A sentence in quotes, escaped, the `highlighting` range (code points) in bold, shortened
        /// around that range to `textLimit` characters.
        func callAsFunction(_ sentence: String, highlighting range: Range<Int>? = nil) -> String {
            let scalars = Array(sentence.unicodeScalars)
            func piece(_ bounds: Range<Int>) -> String {
                let clamped = bounds.clamped(to: 0..<scalars.count)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[clamped])
                return MarkdownWriter.escape(String(view))
            }
            var window = 0..<scalars.count
            if scalars.count > textLimit {
                let center = range.map { ($0.lowerBound + $0.upperBound) / 2 } ?? textLimit / 2
                let start = max(0, min(center - textLimit / 2, scalars.count - textLimit))
                window = start..<(start + textLimit)
            }
            var body: String
            if let range, range.lowerBound >= window.lowerBound, range.upperBound <= window.upperBound, range.lowerBound < range.upperBound {
                body = piece(window.lowerBound..<range.lowerBound) + "**" + piece(range) + "**" + piece(range.upperBound..<window.upperBound)
            } else {
                body = piece(window)
            }
            if window.lowerBound > 0 { body = "…" + body }
            if window.upperBound < scalars.count { body += "…" }
            return "“" + body + "”"
        }
    }
}
