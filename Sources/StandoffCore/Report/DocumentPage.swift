/// One document's page of the HTML report: its metadata and document stance, a legend, then the
/// cleaned text paragraph by paragraph with each sentence tinted by its stance label, cues
/// underlined and mentions boxed (``SentenceMarkup``), and the removed raw lines struck through
/// where they stood in the raw file, each with its line number and reason.
///
/// Pure: a document in, a string out; every article string is escaped (``HTML``), and the same
/// document always gives the same bytes.
public struct DocumentPage: Sendable {
    /// Rule kinds, weights and summaries for tooltips.
    public let context: ReportContext

    /// Creates a page renderer.
    public init(context: ReportContext) {
        self.context = context
    }

    /// The page's file name inside the report's `documents/` folder: the id with every character
    /// outside `A–Z a–z 0–9 - . _ ~` percent-encoded, so any id makes one safe file name.
    public static func fileName(for id: String) -> String {
        HTML.pathSegment(id) + ".html"
    }

    /// The link to a document's page from the report's index (the file name's `%` encoded again).
    public static func link(for id: String) -> String {
        "documents/" + HTML.pathSegment(fileName(for: id))
    }

    /// The page of `document`, a complete HTML file.
    public func html(_ document: Document) -> String {
        let title = document.metadata.title ?? document.id
        var page = ReportStyle.head(title: title + " · Standoff report")
        page += "<nav><a href=\"../index.html\">← all documents</a></nav>\n"
        page += header(document, title: title)
        page += "<main>\n" + body(document) + "</main>\n"
        page += "<footer>Raw file \(HTML.escape(document.sourceFile)), SHA-256 \(HTML.escape(document.sourceSHA256)).</footer>\n"
        return page + ReportStyle.tail
    }

    /// Title, metadata and the document stance per target.
    private func header(_ document: Document, title: String) -> String {
        let metadata = document.metadata
        var output = "<header>\n<h1>\(HTML.escape(title))</h1>\n<dl class=\"meta\">"
        func item(_ name: String, _ value: String?) {
            output += "<dt>\(name)</dt><dd>\(value.map(HTML.escape) ?? "–")</dd>"
        }
        item("outlet", metadata.publication)
        item("date", metadata.published)
        item("authors", metadata.authors.isEmpty ? nil : metadata.authors.joined(separator: ", "))
        item("document", document.id)
        output += "</dl>\n"
        for target in context.targets.isEmpty ? Array(Set(document.stances.map(\.target))).sorted() : context.targets {
            let stance = DocumentStance.aggregate(document.stances, target: target)
            output += "<p class=\"meta\" data-target=\"\(HTML.escape(target))\">Document stance toward <b>\(HTML.escape(target))</b>: "
            output += "<span class=\"badge l-\(HTML.classFragment(stance.label))\">\(HTML.escape(stance.label))</span> "
            output += "(author sentences: \(stance.favor) favor, \(stance.against) against, \(stance.none) none)</p>\n"
        }
        output += legend
        output += "<p class=\"toggle\"><input type=\"checkbox\" id=\"hide-removed\"> <label for=\"hide-removed\">hide removed lines</label></p>\n"
        return output + "</header>\n"
    }

    /// What the colours, boxes and underlines mean.
    private var legend: String {
        var output = "<div class=\"legend\" role=\"note\"><b>Sentence stance</b>"
        for swatch in ReportPalette.stance {
            output += "<span><span class=\"swatch l-\(swatch.name)\"></span>\(swatch.name)</span>"
        }
        output += "<b>Entities</b>"
        for (swatch, example) in zip(ReportPalette.entities, ["a person", "a place", "an organisation", "a nationality", "an event"]) {
            output += "<span><mark class=\"ent t-\(HTML.classFragment(swatch.name))\" data-type=\"\(swatch.name)\">\(example)</mark></span>"
        }
        output += "<b>Cues</b><span><u class=\"cue c-favor\">favor</u></span><span><u class=\"cue c-against\">against</u></span>"
        output += "<span><u class=\"cue c-none\">no label</u></span><span><u class=\"cue c-word\">operator, topic or speaker word</u></span>"
        output += "<span><span class=\"badge holder\">said by …</span> holder not the author</span>"
        output += "<span><span class=\"badge corrected\">corrected</span> set by a correction</span>"
        output += "<span><del>removed line</del></span>"
        return output + "</div>\n<p class=\"note hover-note\">Hover over a sentence, mention or cue for its ids, rule and weight.</p>\n"
    }

    /// Paragraphs and removed lines in raw line order.
    private func body(_ document: Document) -> String {
        let scalars = Array(document.text.unicodeScalars)
        let markup = SentenceMarkup(context: context)
        // Annotations grouped by sentence; both arrays are in sentence order already (Validate checks).
        var mentions: [Int: [Mention]] = [:]
        for mention in document.mentions { mentions[mention.sentenceIndex, default: []].append(mention) }
        var stances: [Int: [Stance]] = [:]
        for stance in document.stances { stances[stance.sentenceIndex, default: []].append(stance) }
        var sentences: [Int: [Sentence]] = [:]
        for sentence in document.sentences { sentences[sentence.paragraph, default: []].append(sentence) }

        // Each paragraph stands where its first raw line stood; a removed line at its own line.
        enum Item { case paragraph(Int), removed(Int) }
        var items: [(line: Int, order: Int, item: Item)] = []
        for (index, paragraph) in document.paragraphs.enumerated() {
            items.append((paragraph.lines.min() ?? 0, 0, .paragraph(index)))
        }
        for (index, line) in document.removed.enumerated() { items.append((line.line, 1, .removed(index))) }
        items.sort { ($0.line, $0.order) < ($1.line, $1.order) }

        var output = ""
        for entry in items {
            switch entry.item {
            case let .paragraph(index):
                let paragraph = document.paragraphs[index]
                let lines = paragraph.lines.count > 1 ? "\(paragraph.lines.min()!)-\(paragraph.lines.max()!)" : "\(entry.line)"
                output += "<p class=\"para\" id=\"p\(index)\" data-lines=\"\(lines)\">"
                var position = paragraph.start
                for sentence in sentences[index] ?? [] {
                    if position < sentence.start { output += text(scalars, position, sentence.start) }
                    output += self.sentence(sentence, document: document, scalars: scalars, markup: markup,
                                            mentions: mentions[sentence.index] ?? [], stances: stances[sentence.index] ?? [])
                    position = sentence.end
                }
                if position < paragraph.end { output += text(scalars, position, paragraph.end) }
                output += "</p>\n"
            case let .removed(index):
                let line = document.removed[index]
                output += "<p class=\"removed\" data-line=\"\(line.line)\" data-reason=\"\(HTML.escape(line.reason))\">"
                output += "<span class=\"ln\">line \(line.line)</span><del>\(HTML.escape(line.text))</del>"
                output += "<span class=\"reason\" title=\"\(HTML.escape(context.reasons[line.reason] ?? line.reason))\">\(HTML.escape(line.reason))</span></p>\n"
            }
        }
        return output
    }

    /// Escaped document text between two code-point offsets (clamped).
    private func text(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let from = max(0, min(start, scalars.count)), to = max(from, min(end, scalars.count))
        return HTML.escape(String(String.UnicodeScalarView(scalars[from..<to])))
    }

    /// One sentence: tinted by the label of its first target's row, with badges for the label,
    /// a holder who is not the author, and a correction.
    private func sentence(_ sentence: Sentence, document: Document, scalars: [Unicode.Scalar], markup: SentenceMarkup,
                          mentions: [Mention], stances: [Stance]) -> String {
        let primary = context.targets.lazy.compactMap { target in stances.first { $0.target == target } }.first ?? stances.first
        let label = primary?.label ?? "none"
        let holder = primary?.holder ?? StanceAnnotator.author
        let corrected = document.correctedSentences.contains(sentence.index) || stances.contains { $0.source != SnapshotEncoding.ruleSource }
        let number = zeroPadded(sentence.index, width: 4)
        var tooltip = "sentence \(number)"
        for stance in stances {
            tooltip += " · \(stance.target): \(stance.label), score \(stance.score), holder \(stance.holder)"
            if !stance.rules.isEmpty { tooltip += ", rules " + stance.rules.joined(separator: " ") }
        }
        var output = "<span class=\"s l-\(HTML.classFragment(label))\(corrected ? " corrected" : "")\" id=\"s\(number)\" data-sentence=\"\(sentence.index)\""
        output += " data-label=\"\(HTML.escape(label))\" data-holder=\"\(HTML.escape(holder))\" title=\"\(HTML.escape(tooltip))\">"
        let end = min(sentence.end, scalars.count)
        output += markup.html(scalars, start: max(0, min(sentence.start, end)), end: end, mentions: mentions, cues: stances.flatMap(\.cues))
        if label != "none" { output += " <span class=\"badge l-\(HTML.classFragment(label))\">\(HTML.escape(label))</span>" }
        if holder != StanceAnnotator.author { output += " <span class=\"badge holder\">said by \(HTML.escape(holder))</span>" }
        if corrected { output += " <span class=\"badge corrected\">corrected</span>" }
        return output + "</span>"
    }
}
