/// The report's `index.html`: a sortable table with one row per document, inline-SVG charts of
/// stance labels per document, mentions per type and the most mentioned entities, and the stance
/// rule statistics table. Pure: the figures in, a string out, the same bytes for the same figures.
public struct ReportIndex: Sendable {
    /// One document's row.
    public struct Row: Sendable, Equatable {
        public var id: String
        public var title: String?
        public var publication: String?
        public var published: String?
        public var sentences: Int
        public var mentions: Int
        public var removed: Int
        /// The document stance per target, in target order.
        public var stances: [DocumentStance]
        /// Whether the report has a page for this document (see ``ReportIndex/pageLimit``).
        public var hasPage: Bool

        /// Creates a row.
        public init(id: String, title: String?, publication: String?, published: String?, sentences: Int, mentions: Int,
                    removed: Int, stances: [DocumentStance], hasPage: Bool = true) {
            self.id = id
            self.title = title
            self.publication = publication
            self.published = published
            self.sentences = sentences
            self.mentions = mentions
            self.removed = removed
            self.stances = stances
            self.hasPage = hasPage
        }
    }

    /// The dataset's name and version, for the heading.
    public var name: String
    /// Rows in document id order; at most ``tableLimit`` are listed.
    public var rows: [Row]
    /// Mentions per type and the most mentioned entities.
    public var statistics: AnnotationStatistics
    /// The stance rule statistics.
    public var stanceRules: StanceRuleStatistics
    /// Rule kinds and summaries.
    public var context: ReportContext

    /// Documents the table lists; beyond it a note says how many are left out.
    public static let tableLimit = 5000
    /// Documents the stance chart shows.
    public static let chartLimit = 40

    /// Creates an index.
    public init(name: String, rows: [Row], statistics: AnnotationStatistics, stanceRules: StanceRuleStatistics, context: ReportContext) {
        self.name = name
        self.rows = rows
        self.statistics = statistics
        self.stanceRules = stanceRules
        self.context = context
    }

    /// The complete `index.html`.
    public var html: String {
        var page = ReportStyle.head(title: name + " · Standoff report")
        let sentences = rows.reduce(0) { $0 + $1.sentences }, removed = rows.reduce(0) { $0 + $1.removed }
        page += "<header class=\"wide\">\n<h1>\(HTML.escape(name))</h1>\n"
        page += "<p class=\"meta\">\(rows.count) documents, \(sentences) sentences, \(statistics.mentionCount) mentions, \(removed) removed lines. "
        page += "Each document's page shows its text with stance, cues and entities marked.</p>\n</header>\n<main class=\"wide\">\n"
        page += "<h2>Charts</h2>\n<div class=\"charts\">\n" + stanceChart + mentionChart + entityChart + "</div>\n"
        page += documentTable + ruleTable
        page += "</main>\n<footer class=\"wide\">Written by standoff report; the same data always give the same bytes.</footer>\n"
        return page + ReportStyle.tail
    }

    /// A sortable column heading; numeric columns sort as numbers.
    private func heading(_ name: String, number: Bool = false) -> String {
        "<th scope=\"col\"\(number ? " class=\"n\" data-type=\"number\"" : "")><button type=\"button\">\(HTML.escape(name))</button></th>"
    }


    /// Favor / against / none author sentences per document, for the first target.
    private var stanceChart: String {
        guard let target = context.targets.first ?? rows.first?.stances.first?.target else { return "" }
        let bars = rows.prefix(Self.chartLimit).map { row in
            let stance = row.stances.first { $0.target == target } ?? DocumentStance(target: target, label: "none", favor: 0, against: 0, none: 0)
            return SVGChart.Bar(label: row.title ?? row.id, segments: [
                SVGChart.Segment(value: stance.favor, colour: ReportPalette.stance("favor").hue, name: "favor"),
                SVGChart.Segment(value: stance.against, colour: ReportPalette.stance("against").hue, name: "against"),
                SVGChart.Segment(value: stance.none, colour: ReportStyle.noneBar, name: "none"),
            ])
        }
        var figure = "<figure id=\"chart-stance\">\n" + SVGChart.bars(Array(bars), caption: "Stance labels of author sentences per document") + "\n"
        figure += "<figcaption>Author sentences per document toward <b>\(HTML.escape(target))</b>: "
        figure += "<span class=\"swatch bar-favor\"></span>favor / <span class=\"swatch bar-against\"></span>against / "
        figure += "<span class=\"swatch bar-none\"></span>none"
        if rows.count > Self.chartLimit { figure += "; the first \(Self.chartLimit) of \(rows.count) documents" }
        return figure + ".</figcaption>\n</figure>\n"
    }

    private var mentionChart: String {
        let types = statistics.mentionsByType.keys.sorted {
            (EntityType(rawValue: $0).flatMap { EntityType.allCases.firstIndex(of: $0) } ?? 99, $0)
                < (EntityType(rawValue: $1).flatMap { EntityType.allCases.firstIndex(of: $0) } ?? 99, $1)
        }
        let bars = types.map { type in
            SVGChart.Bar(label: type, segments: [SVGChart.Segment(value: statistics.mentionsByType[type] ?? 0, colour: ReportPalette.entity(type).hue, name: "mentions")])
        }
        return "<figure id=\"chart-types\">\n" + SVGChart.bars(bars, caption: "Mentions per entity type") + "\n<figcaption>Mentions per entity type.</figcaption>\n</figure>\n"
    }

    private var entityChart: String {
        let bars = statistics.topEntities.map { entity in
            let type = entity.types.sorted().first { $0 != EntityType.norp.rawValue } ?? entity.types.sorted().first ?? ""
            return SVGChart.Bar(label: "\(entity.name) (\(entity.types.sorted().joined(separator: ", ")))",
                                segments: [SVGChart.Segment(value: entity.mentions, colour: ReportPalette.entity(type).hue, name: "mentions")])
        }
        return "<figure id=\"chart-entities\">\n" + SVGChart.bars(bars, caption: "Most mentioned entities")
            + "\n<figcaption>Most mentioned entities, coloured by type (a country's NORP mentions count with it).</figcaption>\n</figure>\n"
    }

    /// One row per document; the title links to the document's page.
    private var documentTable: String {
        let targets = context.targets.isEmpty ? (rows.first?.stances.map(\.target) ?? []) : context.targets
        var table = "<h2>Documents</h2>\n<p class=\"note\">Click a column heading to sort.</p>\n<table class=\"sortable\" id=\"documents\">\n<thead><tr>"
        table += heading("document") + heading("outlet") + heading("date") + heading("sentences", number: true)
            + heading("mentions", number: true) + heading("removed", number: true)
        for target in targets {
            table += heading("stance: " + target) + heading("favor", number: true) + heading("against", number: true) + heading("none", number: true)
        }
        table += "</tr></thead>\n<tbody>\n"
        for row in rows.prefix(Self.tableLimit) {
            let title = HTML.escape(row.title ?? row.id)
            table += "<tr data-doc=\"\(HTML.escape(row.id))\"><td data-value=\"\(title)\">"
            table += row.hasPage ? "<a href=\"\(DocumentPage.link(for: row.id))\">\(title)</a>" : title
            table += "<br><span class=\"note\">\(HTML.escape(row.id))</span></td>"
            table += "<td>\(row.publication.map(HTML.escape) ?? "–")</td><td>\(row.published.map(HTML.escape) ?? "–")</td>"
            table += "<td class=\"n\">\(row.sentences)</td><td class=\"n\">\(row.mentions)</td><td class=\"n\">\(row.removed)</td>"
            for target in targets {
                let stance = row.stances.first { $0.target == target }
                let label = stance?.label ?? "none"
                table += "<td data-value=\"\(HTML.escape(label))\"><span class=\"badge l-\(HTML.classFragment(label))\">\(HTML.escape(label))</span></td>"
                table += "<td class=\"n\">\(stance?.favor ?? 0)</td><td class=\"n\">\(stance?.against ?? 0)</td><td class=\"n\">\(stance?.none ?? 0)</td>"
            }
            table += "</tr>\n"
        }
        table += "</tbody>\n</table>\n"
        if rows.count > Self.tableLimit { table += "<p class=\"note\">The first \(Self.tableLimit) of \(rows.count) documents are listed.</p>\n" }
        return table
    }

    /// The stance rule statistics, as the dataset card has them.
    private var ruleTable: String {
        var table = "<h2>Stance rules</h2>\n<p class=\"note\">Over \(stanceRules.stanceRows) stance rows: <i>fired</i> rows and their share "
        table += "(<i>coverage</i>); <i>overlaps</i>, rows where a favor or against cue of another rule also fired; for cue rules "
        table += "<i>agreements</i> and <i>conflicts</i>, another cue gave the same or the opposite label; <i>decided</i>, rows whose "
        table += "label changes when this rule alone is switched off.</p>\n<table class=\"sortable\" id=\"rules\">\n<thead><tr>"
        table += heading("rule") + heading("kind") + heading("weight", number: true) + heading("fired", number: true) + heading("coverage", number: true)
            + heading("overlaps", number: true) + heading("agreements", number: true) + heading("conflicts", number: true) + heading("decided", number: true)
        table += "</tr></thead>\n<tbody>\n"
        for row in stanceRules.rows {
            let info = context.stanceRules[row.rule]
            let votes = row.kind.hasSuffix("cue")
            let coverage = stanceRules.stanceRows > 0 ? (row.fired * 1000 + stanceRules.stanceRows / 2) / stanceRules.stanceRows : 0
            table += "<tr data-rule=\"\(HTML.escape(row.rule))\"><td><code\(info?.summary.map { " title=\"\(HTML.escape($0))\"" } ?? "")>\(HTML.escape(row.rule))</code></td>"
            table += "<td>\(HTML.escape(row.kind))</td><td class=\"n\" data-value=\"\(info?.weight ?? 0)\">\(info?.weight.map(String.init) ?? "–")</td>"
            table += "<td class=\"n\">\(row.fired)</td><td class=\"n\" data-value=\"\(coverage)\">\(stanceRules.coverage(row))</td><td class=\"n\">\(row.overlaps)</td>"
            table += "<td class=\"n\" data-value=\"\(votes ? row.agreements : -1)\">\(votes ? String(row.agreements) : "–")</td>"
            table += "<td class=\"n\" data-value=\"\(votes ? row.conflicts : -1)\">\(votes ? String(row.conflicts) : "–")</td><td class=\"n\">\(row.decided)</td></tr>\n"
        }
        return table + "</tbody>\n</table>\n"
    }
}
