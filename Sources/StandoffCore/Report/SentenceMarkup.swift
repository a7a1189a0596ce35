/// One sentence as report markup: the text, every entity mention as a `<mark>` box labelled by
/// its type (in the manner of displaCy), every stance cue as an underline `<u>` named by its rule,
/// all escaped.
///
/// Mentions do not overlap one another (the annotator resolves overlaps), but a cue may overlap a
/// mention or another cue; the text is therefore cut at every span boundary and each piece is
/// wrapped in the cues that cover it, inside the mention that covers it. A cue cut this way shows
/// as several `<u>` pieces with the same `data-rule` and `data-span` (its document offsets).
///
/// ```
/// "We welcome talks with Japan."  mention Japan (GPE), cue "welcome" (favor)
/// → We <u class="cue c-favor" data-rule="welcome" …>welcome</u> talks with <mark class="ent t-GPE" data-type="GPE" …>Japan</mark>.
/// ```
struct SentenceMarkup {
    /// A span to mark, in code points of the document text.
    private struct Span {
        var start: Int
        var end: Int
        var open: String
        var close: String
    }

    let context: ReportContext

    /// The markup of the document text `scalars[start..<end]` with `mentions` and `cues` (document offsets).
    func html(_ scalars: [Unicode.Scalar], start: Int, end: Int, mentions: [Mention], cues: [StanceCue]) -> String {
        var boxes: [Span] = []
        for mention in mentions.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            let from = max(start, mention.start), to = min(end, mention.end)
            // A mention that overlaps the one before it (never made by the rules) is left out rather than mis-nested.
            guard from < to, from >= (boxes.last?.end ?? start) else { continue }
            boxes.append(Span(start: from, end: to, open: open(mention), close: "</mark>"))
        }
        var seen: Set<String> = []
        var lines: [Span] = []
        for cue in cues.sorted(by: { ($0.start, -$0.end, $0.rule) < ($1.start, -$1.end, $1.rule) }) {
            let from = max(start, cue.start), to = min(end, cue.end)
            guard from < to, seen.insert("\(from) \(to) \(cue.rule)").inserted else { continue }
            lines.append(Span(start: from, end: to, open: open(cue), close: "</u>"))
        }
        var cuts = Set([start, end])
        for span in boxes + lines { cuts.insert(span.start); cuts.insert(span.end) }
        let points = cuts.sorted()

        var output = ""
        var box = 0
        var inBox = false
        for (from, to) in zip(points, points.dropFirst()) {
            while box < boxes.count, boxes[box].end <= from {
                if inBox { output += boxes[box].close; inBox = false }
                box += 1
            }
            if box < boxes.count, boxes[box].start <= from, !inBox {
                output += boxes[box].open
                inBox = true
            }
            let covering = lines.filter { $0.start <= from && to <= $0.end }
            for line in covering { output += line.open }
            output += HTML.escape(String(String.UnicodeScalarView(scalars[from..<to])))
            for line in covering.reversed() { output += line.close }
        }
        if inBox { output += "</mark>" }
        return output
    }

    /// A mention's opening tag: type, entity id and country as data and as a tooltip.
    private func open(_ mention: Mention) -> String {
        let corrected = mention.source != SnapshotEncoding.ruleSource
        var tooltip = "\(mention.type): \(mention.entityName) (id \(mention.entityID)"
        if let country = mention.country { tooltip += ", country \(country)" }
        tooltip += corrected ? ", set by a correction)" : ", rule \(mention.rule))"
        var tag = "<mark class=\"ent t-\(HTML.classFragment(mention.type))\(corrected ? " corrected" : "")\" data-type=\"\(HTML.escape(mention.type))\""
        tag += " data-entity=\"\(HTML.escape(mention.entityID))\""
        if let country = mention.country { tag += " data-country=\"\(HTML.escape(country))\"" }
        return tag + " data-rule=\"\(HTML.escape(mention.rule))\" data-span=\"\(mention.start)-\(mention.end)\" title=\"\(HTML.escape(tooltip))\">"
    }

    /// A cue's opening tag: its rule, what kind of rule it is, the weight and the label it gave.
    private func open(_ cue: StanceCue) -> String {
        let info = context.stanceRules[cue.rule]
        var tooltip = "\(cue.rule): \(info?.kind ?? "stance rule")"
        if let weight = info?.weight { tooltip += ", weight \(weight)" }
        if let label = cue.label { tooltip += ", gave \(label)" }
        if let summary = info?.summary { tooltip += ". \(summary)" }
        let style = cue.label.map(HTML.classFragment) ?? "word"
        var tag = "<u class=\"cue c-\(style)\" data-rule=\"\(HTML.escape(cue.rule))\""
        if let label = cue.label { tag += " data-label=\"\(HTML.escape(label))\"" }
        if let weight = info?.weight { tag += " data-weight=\"\(weight)\"" }
        return tag + " data-span=\"\(cue.start)-\(cue.end)\" title=\"\(HTML.escape(tooltip))\">"
    }
}
