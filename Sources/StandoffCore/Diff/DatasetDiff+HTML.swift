extension DatasetDiff {
    /// The most items each list of the HTML page shows before saying how many more there are.
    public static let htmlLimit = 500

    /// The comparison as one self-contained HTML page in the report's style: the row counts, the
    /// changed sentences with the old and new label side by side, each stance target's transition
    /// matrix, mentions added (green, `+`) and removed (vermillion, `−`) in place in their
    /// sentence, re-split sentences old beside new, removed-line changes and the per-rule effect
    /// table. Every string from the releases is escaped.
    public var html: String {
        var page = ReportStyle.head(title: "Dataset changes: \(old.label) → \(new.label)")
        page += "<header class=\"wide\">\n<h1>Dataset changes: \(HTML.escape(old.label)) → \(HTML.escape(new.label))</h1>\n"
        page += "<p class=\"meta\">\(HTML.escape(hasChanges ? summaryLine : "No row of any table differs."))</p>\n</header>\n<main class=\"wide\">\n"
        page += countsTable
        if hasChanges {
            page += stancesHTML + mentionsHTML + sentencesHTML + linesHTML + rulesHTML + documentsHTML
        }
        page += "</main>\n<footer class=\"wide\">Written by standoff diff --html.</footer>\n"
        return page + ReportStyle.tail
    }

    private static func heading(_ name: String, number: Bool = false) -> String {
        "<th scope=\"col\"\(number ? " class=\"n\" data-type=\"number\"" : "")><button type=\"button\">\(HTML.escape(name))</button></th>"
    }

    private static func badge(_ label: String?) -> String {
        guard let label else { return "<span class=\"badge\">no row</span>" }
        return "<span class=\"badge l-\(HTML.classFragment(label))\">\(HTML.escape(label))</span>"
    }

    private static func more<T>(_ items: [T]) -> String {
        items.count > htmlLimit ? "<p class=\"note\">The first \(htmlLimit) of \(items.count) are shown; `standoff diff --json` lists all.</p>\n" : ""
    }

    private static func codes(_ rules: [String]) -> String {
        rules.isEmpty ? "–" : rules.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: " ")
    }

    /// The rules of a changed row: those it lost struck through, those it gained marked new.
    private static func ruleChange(old: [String], new: [String]) -> String {
        let lost = old.filter { !new.contains($0) }.map { "<del class=\"rule\" title=\"only on the old row\"><code>\(HTML.escape($0))</code></del>" }
        let now = new.map { rule in
            old.contains(rule) ? "<code>\(HTML.escape(rule))</code>" : "<ins class=\"rule\" title=\"only on the new row\"><code>\(HTML.escape(rule))</code></ins>"
        }
        let all = lost + now
        return all.isEmpty ? "–" : all.joined(separator: " ")
    }

    private var countsTable: String {
        var table = "<table id=\"counts\"><thead><tr><th>table</th><th class=\"n\">old</th><th class=\"n\">new</th><th class=\"n\">change</th></tr></thead><tbody>\n"
        for name in ["documents", "sentences", "mentions", "stances", "removed"] {
            let (before, after) = (old.rowCounts[name] ?? 0, new.rowCounts[name] ?? 0)
            let change = after == before ? "0" : after > before ? "+\(after - before)" : "−\(before - after)"
            table += "<tr><td>\(name)</td><td class=\"n\">\(before)</td><td class=\"n\">\(after)</td><td class=\"n\">\(change)</td></tr>\n"
        }
        return table + "</tbody></table>\n"
    }

    /// Per target: the transition matrix, then every changed row with both labels.
    private var stancesHTML: String {
        guard !stanceChanges.isEmpty else { return "" }
        var output = "<h2>Stances</h2>\n"
        for target in changedTargets {
            output += "<h3>\(HTML.escape(target))</h3>\n"
            let matrix = transitions(for: target)
            if !matrix.isEmpty {
                let from = Set(matrix.keys.map(\.from)).sorted { ($0 ?? "") < ($1 ?? "") }
                let to = Set(matrix.keys.map(\.to)).sorted { ($0 ?? "") < ($1 ?? "") }
                output += "<table class=\"matrix\" data-target=\"\(HTML.escape(target))\"><thead><tr><th>old ↓ · new →</th>"
                output += to.map { "<th class=\"n\">\(Self.badge($0))</th>" }.joined() + "</tr></thead><tbody>\n"
                for row in from {
                    output += "<tr><th>\(Self.badge(row))</th>"
                    output += to.map { column in "<td class=\"n\">\(matrix[Transition(from: row, to: column)].map(String.init) ?? "·")</td>" }.joined()
                    output += "</tr>\n"
                }
                output += "</tbody></table>\n"
            }
            let changes = stanceChanges.filter { $0.target == target }
            output += "<table class=\"sortable stance-changes\"><thead><tr>" + Self.heading("sentence") + Self.heading("old") + Self.heading("new")
                + Self.heading("holder") + Self.heading("text") + Self.heading("rules (lost struck, gained underlined)") + "</tr></thead><tbody>\n"
            for change in changes.prefix(Self.htmlLimit) {
                let holder = change.oldHolder == change.newHolder ? HTML.escape(change.newHolder ?? "–")
                    : "\(HTML.escape(change.oldHolder ?? "–")) → \(HTML.escape(change.newHolder ?? "–"))"
                output += "<tr data-sentence=\"\(HTML.escape(change.sentence.id))\"><td><code>\(HTML.escape(change.sentence.id))</code></td>"
                output += "<td data-value=\"\(HTML.escape(change.from ?? ""))\">\(Self.badge(change.from))</td><td data-value=\"\(HTML.escape(change.to ?? ""))\">\(Self.badge(change.to))</td>"
                output += "<td>\(holder)</td><td class=\"text\"><span class=\"s l-\(HTML.classFragment(change.to ?? "none"))\">\(HTML.escape(change.sentence.text))</span></td>"
                output += "<td>\(Self.ruleChange(old: change.oldRules, new: change.newRules))</td></tr>\n"
            }
            output += "</tbody></table>\n" + Self.more(changes)
        }
        return output
    }

    /// Each mention change in its sentence: added in green, removed in vermillion, both for a retyped or relinked one.
    private var mentionsHTML: String {
        guard !mentionChanges.isEmpty else { return "" }
        var output = "<h2>Mentions</h2>\n<div class=\"legend\"><span><ins class=\"m-added\">+ added</ins></span><span><del class=\"m-removed\">− removed</del></span>"
        output += "<span>retyped or relinked: the old one struck, the new one after it</span></div>\n<table class=\"sortable mention-changes\"><thead><tr>"
        output += Self.heading("change") + Self.heading("sentence") + Self.heading("in place") + "</tr></thead><tbody>\n"
        for change in mentionChanges.prefix(Self.htmlLimit) {
            let shown = change.new ?? change.old!
            let scalars = Array(change.sentence.text.unicodeScalars)
            let start = max(0, min(shown.start, scalars.count)), end = max(start, min(shown.end, scalars.count))
            func slice(_ from: Int, _ to: Int) -> String { HTML.escape(String(String.UnicodeScalarView(scalars[from..<to]))) }
            func describe(_ mention: MentionRef) -> String {
                "\(mention.type) \(mention.entityID), rule \(mention.rule)"
            }
            var marked = ""
            if let before = change.old {
                marked += "<del class=\"m-removed\" data-type=\"\(HTML.escape(before.type))\" data-entity=\"\(HTML.escape(before.entityID))\" title=\"removed: \(HTML.escape(describe(before)))\">"
                marked += "−" + slice(start, end) + "<span class=\"tag\">\(HTML.escape(before.type))</span></del>"
            }
            if let after = change.new {
                marked += "<ins class=\"m-added\" data-type=\"\(HTML.escape(after.type))\" data-entity=\"\(HTML.escape(after.entityID))\" title=\"added: \(HTML.escape(describe(after)))\">"
                marked += "+" + slice(start, end) + "<span class=\"tag\">\(HTML.escape(after.type))</span></ins>"
            }
            output += "<tr data-kind=\"\(change.kind.rawValue)\"><td>\(change.kind.rawValue)</td><td><code>\(HTML.escape(change.sentence.id))</code></td>"
            output += "<td class=\"text\">\(slice(0, start))\(marked)\(slice(end, scalars.count))</td></tr>\n"
        }
        return output + "</tbody></table>\n" + Self.more(mentionChanges)
    }

    /// Re-split, added or removed sentences: old beside new.
    private var sentencesHTML: String {
        guard !sentenceChanges.isEmpty else { return "" }
        var output = "<h2>Sentences</h2>\n"
        if sentencesShifted > 0 { output += "<p class=\"note\">\(sentencesShifted) sentences kept their text but moved (new id or offsets); they are not listed.</p>\n" }
        output += "<table class=\"sentence-changes\"><thead><tr><th>change</th><th>old</th><th>new</th></tr></thead><tbody>\n"
        for change in sentenceChanges.prefix(Self.htmlLimit) {
            func cell(_ sentences: [SentenceRef], _ tag: String) -> String {
                sentences.map { "<\(tag)><code>\(HTML.escape($0.id))</code> \(HTML.escape($0.text))</\(tag)>" }.joined(separator: "<br>")
            }
            output += "<tr><td>\(change.kind.rawValue) in <code>\(HTML.escape(change.docID))</code></td>"
            output += "<td class=\"text\">\(cell(change.old, "del"))</td><td class=\"text\">\(cell(change.new, "ins"))</td></tr>\n"
        }
        return output + "</tbody></table>\n" + Self.more(sentenceChanges)
    }

    private var linesHTML: String {
        guard !lineChanges.isEmpty else { return "" }
        var output = "<h2>Removed lines</h2>\n<table class=\"sortable\"><thead><tr>" + Self.heading("document") + Self.heading("line", number: true)
            + Self.heading("change") + Self.heading("old reason") + Self.heading("new reason") + Self.heading("text") + "</tr></thead><tbody>\n"
        for change in lineChanges.prefix(Self.htmlLimit) {
            output += "<tr><td><code>\(HTML.escape(change.docID))</code></td><td class=\"n\">\(change.line)</td><td>\(change.kind.rawValue)</td>"
            output += "<td>\(HTML.escape(change.oldReason ?? "body"))</td><td>\(HTML.escape(change.newReason ?? "body"))</td><td class=\"text\">\(HTML.escape(change.text))</td></tr>\n"
        }
        return output + "</tbody></table>\n" + Self.more(lineChanges)
    }

    /// Per rule id, how many changes its old or new rows account for.
    private var rulesHTML: String {
        let effects = ruleEffects
        guard !effects.isEmpty else { return "" }
        let columns = Effect.allCases.filter { effect in effects.contains { $0.counts[effect] != nil } }
        var output = "<h2>By rule</h2>\n<p class=\"note\">Each change counted under the rule ids on its old and new rows (mention rule, stance rules, removed-line reason).</p>\n"
        output += "<table class=\"sortable\" id=\"rule-effects\"><thead><tr>" + Self.heading("rule")
        output += columns.map { Self.heading($0.rawValue.replacingOccurrences(of: "_", with: " "), number: true) }.joined() + "</tr></thead><tbody>\n"
        for effect in effects {
            output += "<tr data-rule=\"\(HTML.escape(effect.rule))\"><td><code>\(HTML.escape(effect.rule))</code></td>"
            output += columns.map { "<td class=\"n\" data-value=\"\(effect.counts[$0] ?? 0)\">\(effect.counts[$0].map(String.init) ?? "·")</td>" }.joined() + "</tr>\n"
        }
        return output + "</tbody></table>\n"
    }

    private var documentsHTML: String {
        guard !documentsAdded.isEmpty || !documentsRemoved.isEmpty || !documentsChanged.isEmpty else { return "" }
        var output = "<h2>Documents</h2>\n"
        for (verb, documents) in [("Added", documentsAdded), ("Removed", documentsRemoved)] where !documents.isEmpty {
            output += "<p>\(verb): " + documents.prefix(Self.htmlLimit).map { document in
                "<code>\(HTML.escape(document.id))</code>" + (document.title.map { " " + HTML.escape($0) } ?? "") + " (\(document.sentences) sentences)"
            }.joined(separator: "; ") + "</p>\n"
        }
        if !documentsChanged.isEmpty {
            output += "<table class=\"sortable\"><thead><tr>" + Self.heading("document") + Self.heading("columns changed") + Self.heading("sentence blocks", number: true)
                + Self.heading("mentions", number: true) + Self.heading("stances", number: true) + Self.heading("removed lines", number: true) + "</tr></thead><tbody>\n"
            for change in documentsChanged.prefix(Self.htmlLimit) {
                output += "<tr><td><code>\(HTML.escape(change.id))</code></td><td>\(Self.codes(change.columns))</td><td class=\"n\">\(change.sentences)</td>"
                output += "<td class=\"n\">\(change.mentions)</td><td class=\"n\">\(change.stances)</td><td class=\"n\">\(change.lines)</td></tr>\n"
            }
            output += "</tbody></table>\n"
        }
        return output
    }
}
