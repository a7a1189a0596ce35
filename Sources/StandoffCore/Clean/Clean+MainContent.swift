/// Finding the article among the page's blocks from the shape of the whole page.
///
/// Each paragraph candidate is classified by its own shape, the way jusText does: long blocks
/// dense in function words are `good`, medium ones `nearGood`, short ones are left to their
/// neighbours, and link lists, menus, headline lists and labels are `bad`. Neighbours then decide
/// the short and medium blocks. The article is the run of blocks with the most good text, found
/// in one pass (a maximum-sum run: good words count for it, each bad block and each line a rule
/// removed counts against it), cut short where a comment section opens. Inside it, teaser lists
/// under a "Related" heading and blocks still classed bad are removed too.
extension Clean {
    /// A block's class, first from its own shape, then revised by its neighbours.
    enum BlockClass: Equatable {
        case good, nearGood, short, bad
    }

    /// What the body decision reads off one paragraph candidate.
    struct BlockShape {
        var words: Int
        var functionWords: Int
        var endsSentence: Bool
        var listItem: Bool
        /// Separators of menu items and breadcrumbs (`|`, `·`, `•`, `»`, `›`, `/` between spaces).
        var separators: Int
        /// Words starting with a capital letter, as in headlines and names.
        var capitalised: Int
        /// Whether the text is mostly ideographs or kana.
        var cjk: Bool
        /// Whether the same text is elsewhere on the page (menus and teasers repeat).
        var repeated: Bool

        init(_ unit: Unit, repeated: Bool) {
            words = unit.words
            let lowered = TextBytes.lowercased(unit.text)
            functionWords = StopWords.count(in: lowered)
            endsSentence = PageLine.endsSentence(unit.text)
            listItem = unit.listItem
            self.repeated = repeated
            var separators = 0
            var capitalised = 0
            var cjkScalars = 0
            var scalars = 0
            var previous: Unicode.Scalar = " "
            var beforePrevious: Unicode.Scalar = " "
            for scalar in unit.text.unicodeScalars {
                scalars += 1
                if PageLine.isCJK(scalar) { cjkScalars += 1 }
                if previous == " " {
                    if scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase { capitalised += 1 }
                }
                if scalar == " " && beforePrevious == " " {
                    switch previous {
                    case "|", "\u{00B7}", "\u{2022}", "\u{00BB}", "\u{203A}", "/", ">": separators += 1
                    default: break
                    }
                }
                beforePrevious = previous
                previous = scalar
            }
            self.separators = separators
            self.capitalised = capitalised
            cjk = cjkScalars * 2 >= scalars
        }

        var functionWordRatio: Double { words == 0 ? 0 : Double(functionWords) / Double(words) }
    }

    /// The class of a block from its own shape; `useFunctionWords` is false on pages whose
    /// language the function-word list does not cover.
    func classify(_ shape: BlockShape, useFunctionWords: Bool) -> BlockClass {
        let words = shape.words
        // Menus and breadcrumbs: items between separators.
        if shape.separators >= 2 && shape.separators * 4 >= words { return .bad }
        if shape.repeated && words < settings.goodBlockWords { return .bad }
        // A headline list or menu: list items or title-case lines that do not end a sentence.
        let titleCase = words >= 3 && Double(shape.capitalised) >= 0.7 * Double(words)
        if !shape.endsSentence && !shape.cjk {
            if shape.listItem && (titleCase || (useFunctionWords && shape.functionWordRatio < 0.15)) { return .bad }
            if titleCase && words >= 4 && words < settings.longProseWords { return .bad }
        }
        if words < settings.shortBlockWords { return .short }
        if shape.cjk || !useFunctionWords {
            // Without function words to count, prose is told by its sentences.
            if shape.endsSentence { return words >= settings.goodBlockWords ? .good : .nearGood }
            return words >= settings.longProseWords ? .nearGood : .bad
        }
        let ratio = shape.functionWordRatio
        if ratio >= settings.functionWordsHigh {
            return words >= settings.goodBlockWords && (shape.endsSentence || words >= settings.longProseWords) ? .good : .nearGood
        }
        if ratio >= settings.functionWordsLow { return .nearGood }
        return .bad
    }

    /// Decides which candidates are body: sets `reason` on every other one still undecided.
    func markMainContent(_ units: inout [Unit], page: PageState, occurrences: [String: Int]) {
        let open = units.indices.filter { units[$0].reason == nil }
        guard !open.isEmpty else { return }
        let shapes = open.map { index in
            BlockShape(units[index], repeated: units[index].lines.count == 1 && occurrences[page.lines[units[index].lines[0] - 1].lowered, default: 0] > 1)
        }
        let useFunctionWords = Clean.pageUsesFunctionWords(shapes)
        var own = shapes.map { classify($0, useFunctionWords: useFunctionWords) }
        // A page too short for any block to be certainly prose (a note, a wire brief) still has
        // its prose lines.
        if !own.contains(.good) {
            for offset in open.indices where isProse(units[open[offset]].text, words: units[open[offset]].words) { own[offset] = .good }
        }
        let classes = Clean.revise(own)

        // Section headings, by the position in `open` of the first block under them.
        var commentsStart: Int?
        var teaserStarts: Set<Int> = []
        var goodWordsBefore = 0
        let sectionLines = page.sections.keys.sorted()
        var nextSection = 0
        for (offset, index) in open.enumerated() {
            let firstLine = units[index].lines[0] - 1
            while nextSection < sectionLines.count && sectionLines[nextSection] < firstLine {
                let line = sectionLines[nextSection]
                nextSection += 1
                switch page.sections[line]! {
                case .comments where commentsStart == nil && goodWordsBefore >= settings.anchorWords:
                    commentsStart = offset
                case .teasers:
                    teaserStarts.insert(offset)
                default: break
                }
            }
            if classes[offset] == .good { goodWordsBefore += shapes[offset].words }
        }
        let end = commentsStart ?? open.count

        // The maximum-sum run of blocks before the comments.
        var best: (start: Int, end: Int, score: Int)?
        var runStart = 0
        var runScore = 0
        var previousLine = 0
        for offset in 0..<end {
            let unit = units[open[offset]]
            // Lines between two blocks were removed by a rule (blank lines do not count).
            let removedBetween = (previousLine..<(unit.lines[0] - 1)).reduce(0) { $0 + (page.lines[$1].isBlank ? 0 : 1) }
            previousLine = unit.lines.last!
            // Weighed by its own class: a run of short paragraphs between teaser links still
            // outweighs the links.
            let weight: Int
            switch own[offset] {
            case .good: weight = shapes[offset].words
            case .nearGood: weight = shapes[offset].words / 2
            case .short: weight = classes[offset] == .good ? 0 : -1
            case .bad: weight = -settings.badBlockPenalty - shapes[offset].words / 2
            }
            let score = runScore - removedBetween * settings.removedLinePenalty
            if score <= 0 {
                runStart = offset
                runScore = weight
            } else {
                runScore = score + weight
            }
            if own[offset] == .good || own[offset] == .nearGood, runScore > (best?.score ?? 0) { best = (runStart, offset, runScore) }
        }

        for offset in open.indices {
            let index = open[offset]
            guard let best else {
                units[index].reason = "before-body"
                continue
            }
            if offset >= end {
                units[index].reason = "comment-section"
            } else if offset < best.start {
                units[index].reason = "before-body"
            } else if offset > best.end {
                units[index].reason = "after-body"
            } else if classes[offset] != .good && own[offset] != .nearGood {
                units[index].reason = isHeadingLike(units[index]) ? "section-heading" : "unlikely-prose"
            } else if isHeadingLike(units[index]) {
                units[index].reason = "section-heading"
            }
        }

        // Teaser lists: from a "Related" heading inside the body up to the next long prose.
        guard let best else { return }
        for start in teaserStarts where start > best.start && start <= best.end {
            var offset = start
            while offset <= best.end && !(classes[offset] == .good && shapes[offset].words >= settings.goodBlockWords && shapes[offset].endsSentence && !shapes[offset].listItem) {
                if units[open[offset]].reason == nil { units[open[offset]].reason = "teaser" }
                offset += 1
            }
        }
    }

    /// A short line that does not end like a sentence: a heading or label.
    func isHeadingLike(_ unit: Unit) -> Bool {
        !isProse(unit.text, words: unit.words) && unit.words <= settings.headingMaxWords && !PageLine.endsSentence(unit.text)
    }

    /// Whether the page's longer blocks are dense enough in listed function words for that
    /// density to tell prose from furniture (not so on pages in other languages).
    static func pageUsesFunctionWords(_ shapes: [BlockShape]) -> Bool {
        var words = 0
        var functionWords = 0
        for shape in shapes where shape.words >= 10 && !shape.cjk {
            words += shape.words
            functionWords += shape.functionWords
        }
        return words > 0 && Double(functionWords) >= 0.2 * Double(words)
    }

    /// jusText's context rules: a short block between good ones is good, between bad ones bad;
    /// a medium one is good unless both its neighbours are bad. Linear: each block's nearest
    /// decided neighbours are found in one pass each way.
    static func revise(_ classes: [BlockClass]) -> [BlockClass] {
        let count = classes.count
        // Nearest class before / after each block, skipping short blocks (and, for the
        // `strict` arrays, medium ones too); the page's edges count as bad.
        var before = Array(repeating: BlockClass.bad, count: count)
        var beforeStrict = before
        var after = before
        var afterStrict = before
        var last = BlockClass.bad
        var lastStrict = BlockClass.bad
        for index in 0..<count {
            before[index] = last
            beforeStrict[index] = lastStrict
            if classes[index] != .short { last = classes[index] }
            if classes[index] == .good || classes[index] == .bad { lastStrict = classes[index] }
        }
        last = .bad
        lastStrict = .bad
        for index in stride(from: count - 1, through: 0, by: -1) {
            after[index] = last
            afterStrict[index] = lastStrict
            if classes[index] != .short { last = classes[index] }
            if classes[index] == .good || classes[index] == .bad { lastStrict = classes[index] }
        }
        var revised = classes
        for index in 0..<count where classes[index] == .short {
            let previous = beforeStrict[index]
            let next = afterStrict[index]
            if previous == .good && next == .good {
                revised[index] = .good
            } else if previous == .bad && next == .bad {
                revised[index] = .bad
            } else if (previous == .bad && before[index] == .nearGood) || (next == .bad && after[index] == .nearGood) {
                revised[index] = .good
            } else {
                revised[index] = .bad
            }
        }
        for index in 0..<count where classes[index] == .nearGood {
            revised[index] = beforeStrict[index] == .bad && afterStrict[index] == .bad ? .bad : .good
        }
        return revised
    }
}
