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
        if shape.separators >= 1 && words <= 4 * (shape.separators + 1) { return .bad }
        if shape.repeated && words < settings.goodBlockWords { return .bad }
        // A headline list or menu: list items or title-case lines that do not end a sentence.
        // Title case capitalises the words other than function words.
        let contentWords = words - (useFunctionWords ? shape.functionWords : 0)
        let titleCase = words >= 3 && contentWords >= 2 && Double(shape.capitalised) >= 0.8 * Double(contentWords)
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
        var endStarts: [Int] = []
        var endKinds: [BoilerplateRule.Section] = []
        var teaserStarts: Set<Int> = []
        let sectionLines = page.sections.keys.sorted()
        var nextSection = 0
        for (offset, index) in open.enumerated() {
            let firstLine = units[index].lines[0] - 1
            while nextSection < sectionLines.count && sectionLines[nextSection] < firstLine {
                switch page.sections[sectionLines[nextSection]]! {
                case .comments, .closing:
                    if endStarts.last != offset {
                        endStarts.append(offset)
                        endKinds.append(page.sections[sectionLines[nextSection]]!)
                    }
                case .reply:
                    // The comment is the prose just above the link, and the name or date line over it.
                    var start = offset
                    while start > 0 && offset - start < 3 && (own[start - 1] == .good || own[start - 1] == .nearGood) { start -= 1 }
                    if start < offset && start > 0 && isHeadingLike(units[open[start - 1]]) { start -= 1 }
                    if start < offset && endStarts.last.map({ $0 < start }) ?? true {
                        endStarts.append(start)
                        endKinds.append(.comments)
                    }
                case .teasers: teaserStarts.insert(offset)
                case .caption: break
                }
                nextSection += 1
            }
        }

        // What each block weighs for the article run, by its own class (a run of short
        // paragraphs between teaser links still outweighs the links), and what the lines rules
        // removed just before it cost.
        var weights: [Int] = []
        var costs: [Int] = []
        var goodWords = [0]
        var previousLine = 0
        for offset in open.indices {
            let unit = units[open[offset]]
            // (A repeat of the headline is no furniture between paragraphs.)
            let removedBefore = (previousLine..<(unit.lines[0] - 1)).reduce(0) {
                $0 + (page.lines[$1].isBlank || page.removedReason[$1] == "headline" ? 0 : 1)
            }
            previousLine = unit.lines.last!
            costs.append(removedBefore * settings.removedLinePenalty)
            switch own[offset] {
            case .good: weights.append(shapes[offset].words)
            case .nearGood: weights.append(shapes[offset].words / 2)
            case .short:
                // A short sentence is still a sentence of the article more often than not.
                let sentence = shapes[offset].endsSentence && (shapes[offset].functionWords >= 2 || !useFunctionWords)
                weights.append(sentence ? shapes[offset].words / 2 : classes[offset] == .good ? 0 : -1)
            case .bad: weights.append(-settings.badBlockPenalty - shapes[offset].words / 2)
            }
            goodWords.append(goodWords[offset] + (classes[offset] == .good ? shapes[offset].words : 0))
        }
        func bestRun(before end: Int) -> (start: Int, end: Int, score: Int)? {
            var best: (start: Int, end: Int, score: Int)?
            var runStart = 0
            var runScore = 0
            for offset in 0..<end {
                let score = runScore - costs[offset]
                if score <= 0 {
                    runStart = offset
                    runScore = weights[offset]
                } else {
                    runScore = score + weights[offset]
                }
                if own[offset] == .good || own[offset] == .nearGood, runScore > (best?.score ?? 0) { best = (runStart, offset, runScore) }
            }
            return best
        }

        // The article is the best run; readers' comments end it. A comments heading inside the
        // run cuts it there; when the best run lies under such a heading (comments longer than
        // the article), the best run before the heading is the article if it is not much weaker.
        var best = bestRun(before: open.count)
        var end = open.count
        var endKind = BoilerplateRule.Section.comments
        if let found = best {
            if let cut = endStarts.indices.first(where: { endStarts[$0] > found.start && endStarts[$0] <= found.end && goodWords[endStarts[$0]] - goodWords[found.start] >= settings.anchorWords }) {
                end = endStarts[cut]
                endKind = endKinds[cut]
                best = bestRun(before: end)
            } else if let cut = endStarts.indices.last(where: { endStarts[$0] <= found.start && goodWords[endStarts[$0]] >= settings.anchorWords }),
                      let before = bestRun(before: endStarts[cut]), 2 * before.score >= found.score {
                end = endStarts[cut]
                endKind = endKinds[cut]
                best = before
            }
        }
        // Comments under a heading after the article are comments, not just after it.
        if let found = best, end == open.count, let after = endStarts.indices.first(where: { endStarts[$0] > found.end }) {
            end = endStarts[after]
            endKind = endKinds[after]
        }

        for offset in open.indices {
            let index = open[offset]
            guard let best else {
                units[index].reason = "before-body"
                continue
            }
            // Everything under a comments heading after the article is comments.
            if offset >= end {
                units[index].reason = endKind == .comments ? "comment-section" : "closing-section"
            } else if offset < best.start {
                units[index].reason = "before-body"
            } else if offset > best.end {
                units[index].reason = "after-body"
            } else if classes[offset] != .good && own[offset] != .nearGood && !(own[offset] == .short && shapes[offset].endsSentence) {
                units[index].reason = isHeadingLike(units[index]) ? "section-heading" : "unlikely-prose"
            } else if isHeadingLike(units[index]) {
                units[index].reason = "section-heading"
            }
        }

        guard let best else { return }
        // Teaser lists: from a "Related" heading inside the body up to where the article resumes,
        // at a long paragraph or a heading over one.
        // Words of running prose from each block on (prose blocks in a row); teasers are
        // headlines with at most a sentence or two under each.
        var proseFrom = Array(repeating: 0, count: open.count + 1)
        for offset in stride(from: open.count - 1, through: 0, by: -1) {
            let prose = (own[offset] == .good || own[offset] == .nearGood) && !shapes[offset].listItem
                && (shapes[offset].endsSentence || units[open[offset]].text.hasSuffix(":"))
            proseFrom[offset] = prose ? proseFrom[offset + 1] + shapes[offset].words : 0
        }
        func resumes(_ offset: Int) -> Bool { proseFrom[offset] >= settings.anchorWords }
        var teasers: [(offset: Int, reason: String?)] = []
        for start in teaserStarts.sorted() where start <= best.end {
            var offset = max(start, best.start)
            while offset <= best.end && !resumes(offset) && !(isHeadingLike(units[open[offset]]) && offset + 1 <= best.end && resumes(offset + 1)) {
                let reason = units[open[offset]].reason
                if reason == nil || reason == "section-heading" || reason == "unlikely-prose" {
                    units[open[offset]].reason = "teaser"
                    teasers.append((offset, reason))
                }
                offset += 1
            }
        }
        // A page whose only text sits under such a heading (a short item after "Editors' picks")
        // keeps it.
        if !teasers.isEmpty && !(best.start...best.end).contains(where: { units[open[$0]].reason == nil && own[$0] == .good }) {
            for teaser in teasers { units[open[teaser.offset]].reason = teaser.reason }
        }
        // A picture's caption: the block right above its credit line.
        for index in open {
            let next = units[index].lines.last!
            if next < page.lines.count, page.sections[next] == .caption, units[index].words <= settings.captionMaxWords {
                units[index].reason = "caption"
            }
        }
    }

    /// A short line that does not end like a sentence: a heading or label.
    func isHeadingLike(_ unit: Unit) -> Bool {
        guard !isProse(unit.text, words: unit.words) && unit.words <= settings.headingMaxWords && !PageLine.endsSentence(unit.text) else { return false }
        // A sentence that leads into a list ("Tokyo should insist on three things:") is text.
        return !(unit.text.hasSuffix(":") && unit.words >= 5)
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
