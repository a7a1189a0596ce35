import Foundation

/// Separates the article body from the web-page boilerplate around it and reads metadata off it.
///
/// Reads: `rawText`. Assigns: `metadata`, `paragraphs`, `text`, `removed`.
///
/// Decisions, in order, each recorded as the `reason` of every line it removes:
/// 1. `no-text`: lines with no letter or digit (a lone `;`).
/// 2. Phrase rules from `annotations/rules/boilerplate.jsonl` with scope `any` (subscription
///    prompts, credits, share buttons, copyright, bylines, datelines, comment and related-story
///    headings, …), on lines and on joined hard-wrapped paragraphs, then scope `head` on lines
///    before the first prose line (mastheads).
/// 3. `headline`: the title (see ``HeadlineFinder``) and every repeat of it.
/// 4. Lines are joined into paragraphs: one line a paragraph, unless the text is hard-wrapped or
///    a converter wrote one sentence's pieces on lines of their own.
/// 5. Phrase rules with scope `tail` on paragraphs after the last long one (author bios).
/// 6. `repeated-text`: a prose paragraph whose text reappears inside another.
/// 7. The main content, from the shape of the whole page (see `Clean+MainContent.swift`):
///    `before-body` / `after-body` outside the article's run of prose, `comment-section` and
///    `closing-section` after the headings that open them, `teaser` under a related-stories
///    heading, `unlikely-prose` and `section-heading` inside the run, `caption` above a picture
///    credit.
public struct Clean: Stage {
    public static let description = StageDescription(
        identifier: "clean",
        summary: "Separate the article body from page boilerplate, recording every removed line and its reason, and read title, authors, publication and date.",
        requires: [.rawText],
        assigns: [.metadata, .body, .removedLines],
        examples: [
            StageExample(
                input: "The Harbour Gazette\nCity Budget Passes After Long Debate\nBy Ana Lima\nPublished May 2, 2023\n<paragraph>\nSubscribe for full access.",
                output: "title \"City Budget Passes After Long Debate\", authors [\"Ana Lima\"], publication \"The Harbour Gazette\", published 2023-05-02; body = <paragraph>; removed: 1 masthead, 2 headline, 3 byline, 4 dateline, 6 subscription-prompt"
            ),
            StageExample(
                input: "<paragraph>\nConclusion\n<paragraph>\nJane Roe is a senior fellow at the Example Institute.",
                output: "body = both paragraphs; removed: 2 section-heading, 4 author-bio (authors [\"Jane Roe\"])"
            ),
        ]
    )

    /// The reasons the heuristics (rather than phrase rules) give, with what each means.
    public static let heuristicReasons: [(id: String, summary: String)] = [
        ("no-text", "A line with no letter or digit, such as a lone `;`."),
        ("headline", "The headline (stored as `title`) and each repeat of it."),
        ("repeated-text", "A paragraph whose text appears again inside another paragraph (a standfirst or pull quote); the fuller copy is kept."),
        ("before-body", "A line before the article's main run of prose: navigation, section labels, photo captions."),
        ("after-body", "A line after the article's main run of prose: related-article teasers, footers."),
        ("section-heading", "A short line inside the body that does not end like a sentence."),
        ("unlikely-prose", "A block inside the body whose shape (few function words, list or menu markers, title case) and neighbours mark it as page furniture."),
        ("teaser", "A list of other articles under a heading such as \"Related\" inside the body, up to where the prose resumes."),
        ("caption", "The caption of a picture: the block right above the picture's credit line."),
        ("comment-section", "Everything after a heading that opens the readers' comments."),
        ("closing-section", "Everything after a heading over a note that follows the article, such as \"About the author\" or \"About Example Corp\"."),
    ]

    /// The reason of a line a person's `remove-line` correction removed, with what it means.
    public static let correctionReason = (id: "correction", summary: "A line a person's correction in `annotations/corrections.jsonl` removed.")

    /// Phrase rules, compiled.
    public let lexicon: BoilerplateLexicon
    /// Heuristic thresholds.
    public let settings: CleanSettings
    /// People's `keep-line` and `remove-line` corrections, which override every rule.
    public let corrections: CorrectionSet

    /// Creates the stage with its phrase rules.
    public init(lexicon: BoilerplateLexicon, settings: CleanSettings = .standard, corrections: CorrectionSet = .none) {
        self.lexicon = lexicon
        self.settings = settings
        self.corrections = corrections
    }

    /// Line corrections that still fit the raw text, by 0-based line index; stale ones are warned about.
    func lineCorrections(_ document: Document, lines: [PageLine], diagnostics: inout [Diagnostic]) -> [Int: Correction.Action] {
        var forced: [Int: Correction.Action] = [:]
        for line in corrections.corrections(for: document.id) where line.rule.action == .keepLine || line.rule.action == .removeLine {
            guard let number = line.rule.line, lines.indices.contains(number - 1), !lines[number - 1].isBlank,
                  Correction.fingerprint(lines[number - 1].raw) == line.rule.lineSha256 else {
                diagnostics.append(Diagnostic(severity: .warning, stage: Clean.description.identifier, code: "stale-correction", location: line.location,
                                              message: "raw line \(line.rule.line ?? 0) of \(document.id) is missing, blank or changed since the correction was made; check it and record it again with 'standoff correct'"))
                continue
            }
            forced[number - 1] = line.rule.action
        }
        return forced
    }

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        var page = PageState(lines: TextBytes.lines(document.rawText)
            .enumerated().map { PageLine(number: $0.offset + 1, raw: $0.element) })
        var metadata = MetadataCollector()

        // Corrections first: a kept line is exempt from every rule, a removed one is on record.
        let forced = lineCorrections(document, lines: page.lines, diagnostics: &diagnostics)
        for (index, action) in forced where action == .removeLine { page.remove(index, reason: Self.correctionReason.id) }

        // 1–2. Line-level rules.
        applyLineRules(&page, forced: forced, metadata: &metadata)
        removeContinuations(&page, forced: forced)
        let occurrences = page.keptOccurrences()
        let firstProse = firstProseLine(page, occurrences: occurrences)
        applyHeadRules(&page, before: firstProse, forced: forced, metadata: &metadata)

        // 3. Headline, and the byline, date and site name around it.
        let found = headline(in: page, before: firstProse, occurrences: occurrences)
        if metadata.title == nil {
            metadata.title = found?.text
        }
        metadata.read(page, headline: found, settings: settings)
        removeHeadline(&page, title: metadata.title, forced: forced)

        // 4–6. Paragraph candidates, tail rules after the last long one, repeated prose.
        var units = paragraphUnits(page)
        applyParagraphRules(&units, metadata: &metadata)
        applyTailRules(&units, page: page, metadata: &metadata)
        markRepeats(&units)

        // 7. The main content: which candidates are body, which page furniture.
        markMainContent(&units, page: page, occurrences: occurrences)

        // A unit holding a line a person said to keep stays in the body.
        for index in units.indices where units[index].lines.contains(where: { forced[$0 - 1] == .keepLine }) {
            units[index].reason = nil
        }

        assemble(units, page: &page, document: &document, metadata: metadata, diagnostics: &diagnostics)
    }

    /// Removes lines with no text and lines a phrase rule of scope `any` fires on, noting the
    /// headings that open comment and teaser sections.
    func applyLineRules(_ page: inout PageState, forced: [Int: Correction.Action], metadata: inout MetadataCollector) {
        for index in page.lines.indices where !page.lines[index].isBlank && forced[index] == nil {
            let line = page.lines[index]
            if !PageLine.hasText(line.folded) {
                // A closing mark a converter put on a line of its own, right under the text it
                // closes, is joined back to it; any other line without text goes.
                // (A lone `;` or `:` is a separator the page draws, not punctuation of the text.)
                if index > 0 && page.isKept(index - 1) && Clean.startsWithClosingMark(line.folded)
                    && !line.folded.hasPrefix(";") && !line.folded.hasPrefix(":") { continue }
                page.remove(index, reason: "no-text")
            } else if index > 0 && page.isKept(index - 1) && Clean.continuesText(page.lines[index - 1], with: line) {
                // A piece of the line above (a link inside a sentence, a wrapped line's end) is
                // judged with it, never alone: "30 points" inside a sentence is no vote count.
                continue
            } else if let hit = lexicon.firstMatch(line.folded, words: line.words, scope: .any) {
                page.remove(index, reason: hit.rule.rule.id)
                if let section = hit.rule.rule.section { page.sections[index] = section }
                metadata.take(hit.value, for: hit.rule.rule.assigns, line: line.number)
            }
        }
    }

    /// A rule that removes the first line of a hard-wrapped paragraph removes the whole
    /// paragraph: the lines that continue it, for the same reason.
    func removeContinuations(_ page: inout PageState, forced: [Int: Correction.Action]) {
        var start = 0
        while start < page.lines.count {
            guard !page.lines[start].isBlank else {
                start += 1
                continue
            }
            var end = start
            var maxLength = 0
            while end < page.lines.count && !page.lines[end].isBlank {
                maxLength = max(maxLength, PageLine.displayWidth(page.lines[end].folded))
                end += 1
            }
            for index in start..<(end - 1) {
                guard let reason = page.removedReason[index], reason != "no-text", reason != Self.correctionReason.id,
                      page.isKept(index + 1), forced[index + 1] == nil,
                      continues(page.lines[index], into: page.lines[index + 1], maxLength: maxLength, fragments: false) else { continue }
                page.remove(index + 1, reason: reason)
            }
            start = end
        }
    }

    /// The first kept line that reads as prose and that the page does not repeat verbatim (a line
    /// the page repeats is a headline or label, never the start of the body).
    func firstProseLine(_ page: PageState, occurrences: [String: Int]) -> Int {
        page.lines.indices.first { index in
            let line = page.lines[index]
            return page.isKept(index) && occurrences[line.lowered] == 1 && isProse(line.folded, words: line.words)
        } ?? page.lines.endIndex
    }

    /// Phrase rules of scope `head` on the kept lines before `end` (mastheads).
    func applyHeadRules(_ page: inout PageState, before end: Int, forced: [Int: Correction.Action], metadata: inout MetadataCollector) {
        for index in page.lines.indices[..<end] where page.isKept(index) && forced[index] == nil {
            let line = page.lines[index]
            if let hit = lexicon.firstMatch(line.folded, words: line.words, scope: .head) {
                page.remove(index, reason: hit.rule.rule.id)
                metadata.take(hit.value, for: hit.rule.rule.assigns, line: line.number)
            }
        }
    }

    /// Removes the headline and every repeat of it.
    func removeHeadline(_ page: inout PageState, title: String?, forced: [Int: Correction.Action]) {
        guard let title = title.map(TextBytes.lowercased) else { return }
        for index in page.lines.indices where page.isKept(index) && forced[index] == nil && page.lines[index].lowered == title {
            page.remove(index, reason: "headline")
        }
    }

    /// Phrase rules of scope `any` on paragraphs joined from hard-wrapped lines, whose phrase
    /// may run across a line break.
    func applyParagraphRules(_ units: inout [Unit], metadata: inout MetadataCollector) {
        for index in units.indices where units[index].lines.count > 1 && units[index].reason == nil {
            if let hit = lexicon.firstMatch(units[index].text, words: units[index].words, scope: .any) {
                units[index].reason = hit.rule.rule.id
                metadata.take(hit.value, for: hit.rule.rule.assigns, line: units[index].lines[0])
            }
        }
    }

    /// Phrase rules of scope `tail` on the candidates after the last long paragraph (author bios).
    func applyTailRules(_ units: inout [Unit], page: PageState, metadata: inout MetadataCollector) {
        let lastAnchor = units.lastIndex { $0.words >= settings.anchorWords }
            ?? units.firstIndex { isProse($0.text, words: $0.words) }
        guard let lastAnchor else { return }
        for index in units.indices where index > lastAnchor {
            if let hit = lexicon.firstMatch(units[index].text, words: units[index].words, scope: .tail) {
                units[index].reason = hit.rule.rule.id
                metadata.take(hit.value, for: hit.rule.rule.assigns, line: units[index].lines[0])
            }
        }
        // A bio that shares its line with a disclaimer was removed by the disclaimer rule;
        // the reason stays the first rule's, but the bio still names the author.
        let tailStart = units[lastAnchor].lines.last!
        for index in page.lines.indices where page.lines[index].number > tailStart && page.removedReason[index] != nil {
            let line = page.lines[index]
            if let hit = lexicon.firstMatch(line.folded, words: line.words, scope: .tail) {
                metadata.take(hit.value, for: hit.rule.rule.assigns, line: line.number)
            }
        }
    }

    /// Writes the kept candidates as paragraphs, the rest as removed lines, and the metadata.
    func assemble(_ units: [Unit], page: inout PageState, document: inout Document, metadata: MetadataCollector, diagnostics: inout [Diagnostic]) {
        var paragraphs: [Paragraph] = []
        var offset = 0
        var texts: [String] = []
        for unit in units {
            if let reason = unit.reason {
                for number in unit.lines { page.removed.append(RemovedLine(line: number, text: page.lines[number - 1].raw, reason: reason)) }
                continue
            }
            if !paragraphs.isEmpty { offset += 2 }
            let length = unit.text.unicodeScalars.count
            paragraphs.append(Paragraph(text: unit.text, start: offset, end: offset + length, lines: unit.lines))
            texts.append(unit.text)
            offset += length
        }
        if paragraphs.isEmpty {
            diagnostics.append(Diagnostic(severity: .warning, stage: Clean.description.identifier, code: "empty-body",
                                          location: document.sourceFile,
                                          message: "no line looks like article text (at least \(settings.proseMinWords) words ending like a sentence); every line was removed as boilerplate, see data/removed"))
        }
        document.paragraphs = paragraphs
        document.text = texts.joined(separator: "\n\n")
        document.removed = page.removed.sorted { $0.line < $1.line }
        document.metadata = metadata.metadata(file: document.sourceFile, diagnostics: &diagnostics)
    }

    func isProse(_ text: String, words: Int) -> Bool {
        words >= settings.longProseWords || (words >= settings.proseMinWords && PageLine.endsSentence(text))
    }

    /// The headline, found by ``HeadlineFinder`` from the lines before the body.
    func headline(in page: PageState, before end: Int, occurrences: [String: Int]) -> HeadlineFinder.Headline? {
        HeadlineFinder(settings: settings).headline(in: page, before: end, occurrences: occurrences)
    }

    /// Kept lines grouped into paragraph candidates: each line alone, except hard-wrapped
    /// lines, which are joined to the line that continues them.
    func paragraphUnits(_ page: PageState) -> [Unit] {
        var units: [Unit] = []
        var block: [PageLine] = []
        func flush() {
            guard !block.isEmpty else { return }
            let maxLength = block.map { PageLine.displayWidth($0.folded) }.max()!
            var current: [PageLine] = []
            for (position, line) in block.enumerated() {
                current.append(line)
                let isLast = position == block.count - 1
                if isLast || !continues(line, into: block[position + 1], maxLength: maxLength) {
                    var unit = Unit(lines: current.map(\.number), text: Clean.join(current, measure: maxLength), listItem: current[0].listItem)
                    if !PageLine.hasText(unit.text) { unit.reason = "no-text" }
                    units.append(unit)
                    current = []
                }
            }
            block = []
        }
        for index in page.lines.indices {
            if page.isKept(index) { block.append(page.lines[index]) } else { flush() }
        }
        flush()
        return units
    }

    /// The folded text of lines joined into one paragraph: with a space, except before a closing
    /// mark that a converter put on a line of its own.
    static func join(_ lines: [PageLine], measure: Int = 0) -> String {
        guard lines.count > 1 else { return lines.first?.folded ?? "" }
        var text = lines[0].folded
        var previous = lines[0]
        for line in lines.dropFirst() {
            defer { previous = line }
            if startsWithClosingMark(line.folded) || wrapsInsideWord(previous.folded, line.folded, measure: measure) {
                text += line.folded
            } else {
                text += " " + line.folded
            }
        }
        return text
    }

    /// Whether a hard-wrapped line broke inside a word of wide characters: Chinese and Japanese
    /// have no spaces to break at, and Korean lines filled to the measure break between any two
    /// syllables.
    static func wrapsInsideWord(_ line: String, _ next: String, measure: Int) -> Bool {
        guard let last = line.unicodeScalars.last, let first = next.unicodeScalars.first,
              PageLine.displayWidth(String(last)) == 2, PageLine.displayWidth(String(first)) == 2 else { return false }
        if PageLine.isCJK(last) && PageLine.isCJK(first) { return true }
        return measure > 0 && PageLine.displayWidth(line) >= measure - 1
    }

    /// Whether `line` is a hard-wrapped line that `next` continues.
    func continues(_ line: PageLine, into next: PageLine, maxLength: Int, fragments: Bool = true) -> Bool {
        // A list item starts a block of its own, whatever case it starts in.
        if next.listItem { return false }
        let endsSentence = PageLine.endsSentence(line.folded)
        if !endsSentence && PageLine.startsLowercase(next.folded) { return true }
        // Converters that write each piece of inline markup on a line of its own leave the
        // sentence's spaces at the pieces' edges ("said at " + "a rally" + " in May") and put
        // a closing mark that followed a link on the next line.
        if fragments && Clean.isFragmentBreak(line.raw, next.raw, nextFolded: next.folded, endsSentence: endsSentence) { return true }
        let length = PageLine.displayWidth(line.folded)
        guard maxLength <= settings.wrapMaxLineLength, length >= settings.wrapMinLineLength,
              Double(length) >= 0.6 * Double(maxLength) else { return false }
        // A line broke to wrap only if the next line's first word would not have fitted on it.
        // (Text in wide characters wraps between any two of them.)
        let firstWord = String(String.UnicodeScalarView(next.folded.unicodeScalars.prefix { $0 != " " }))
        let nextWord = firstWord.unicodeScalars.first.map { PageLine.displayWidth(String($0)) == 2 } == true ? 2 : PageLine.displayWidth(firstWord)
        guard length + 1 + nextWord > maxLength else { return false }
        // A wrapped line that ends a sentence is still wrapped if it fills the measure;
        // a short one ending a sentence closes its paragraph.
        return !endsSentence || Double(length) >= 0.85 * Double(maxLength)
    }

    /// Whether `line` goes on with the text of `previous`, the line right above it: it starts in
    /// lowercase after a line that does not end a sentence, or the two are pieces of one line.
    static func continuesText(_ previous: PageLine, with line: PageLine) -> Bool {
        guard !previous.isBlank, !line.listItem else { return false }
        let endsSentence = PageLine.endsSentence(previous.folded)
        if !endsSentence && PageLine.startsLowercase(line.folded) { return true }
        return isFragmentBreak(previous.raw, line.raw, nextFolded: line.folded, endsSentence: endsSentence)
    }

    /// Whether the text starts with a mark that closes what comes before it (`.`, `,`, `)`, `”`).
    static func startsWithClosingMark(_ folded: String) -> Bool {
        guard let first = folded.unicodeScalars.first else { return false }
        return ".,;:!?)]\u{2019}\u{201D}".unicodeScalars.contains(first)
    }

    /// Whether `raw` and `next` are two pieces of one line of text: `next` starts with a closing
    /// mark (`.`, `,`, `)`), or with one space, or `raw` ends with a space without ending a sentence.
    static func isFragmentBreak(_ raw: String, _ next: String, nextFolded: String, endsSentence: Bool) -> Bool {
        if startsWithClosingMark(nextFolded) { return true }
        let nextBytes = next.utf8
        if nextBytes.first == 0x20, let second = nextBytes.dropFirst().first, second != 0x20 && second != 0x09 { return true }
        if !endsSentence, let last = raw.utf8.last, last == 0x20 { return true }
        return false
    }

    /// Marks a prose unit whose text appears inside another kept unit as `repeated-text`:
    /// the shorter one, or the later of two identical ones.
    func markRepeats(_ units: inout [Unit]) {
        let lowered = units.map { Array(TextBytes.lowercased($0.text).utf8) }
        for index in units.indices where units[index].reason == nil && units[index].words >= settings.repeatedMinWords
            && isProse(units[index].text, words: units[index].words) {
            for other in units.indices where other != index && units[other].reason == nil {
                let same = lowered[other] == lowered[index]
                if (same && other < index) || (!same && lowered[other].count > lowered[index].count
                                                && Clean.bytes(lowered[other], contain: lowered[index])) {
                    units[index].reason = "repeated-text"
                    break
                }
            }
        }
    }

    /// Whether `needle` occurs in `haystack`, by bytes: Foundation's `contains` bridges through
    /// NSString on Linux and generic collection search is slower still.
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { h in needle.withUnsafeBufferPointer { TextBytes.offset(of: $0, in: h) != nil } }
    }

    /// A paragraph candidate: one or more raw lines and, once decided, why it is not body.
    struct Unit {
        var lines: [Int]
        var text: String
        var words: Int
        var reason: String?
        /// Whether the first line is a list item.
        var listItem: Bool

        init(lines: [Int], text: String, listItem: Bool = false) {
            self.lines = lines
            self.text = text
            self.words = PageLine.wordCount(text)
            self.listItem = listItem
        }
    }

    /// The page's lines and which have been removed so far.
    struct PageState {
        var lines: [PageLine]
        var removedReason: [String?]
        var removed: [RemovedLine] = []
        /// The removed lines that are headings opening a section, by 0-based index.
        var sections: [Int: BoilerplateRule.Section] = [:]

        init(lines: [PageLine]) {
            self.lines = lines
            self.removedReason = Array(repeating: nil, count: lines.count)
        }

        func isKept(_ index: Int) -> Bool { !lines[index].isBlank && removedReason[index] == nil }

        /// How often each kept line's lower-cased text occurs among the kept lines.
        func keptOccurrences() -> [String: Int] {
            var occurrences: [String: Int] = [:]
            occurrences.reserveCapacity(lines.count)
            for index in lines.indices where isKept(index) {
                occurrences[lines[index].lowered, default: 0] += 1
            }
            return occurrences
        }

        mutating func remove(_ index: Int, reason: String) {
            removedReason[index] = reason
            removed.append(RemovedLine(line: lines[index].number, text: lines[index].raw, reason: reason))
        }
    }
}
