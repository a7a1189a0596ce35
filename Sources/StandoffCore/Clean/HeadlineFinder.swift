import Foundation
/// Finds a page's headline from the page's own evidence: where a line sits relative to the
/// byline, the date and the first prose, whether the page repeats it (a `<title>` line and an
/// `<h1>` line, a breadcrumb ending in it), and what kind of line it is. Menus, navigation bars,
/// counters, dates and section labels are never headlines.
///
/// Every kept line before the body is scored; the best one wins if it scores above zero, else the
/// page-title line (the dump's first line minus its " | Site" suffix) is used when it has one.
struct HeadlineFinder {
    let settings: CleanSettings

    /// The headline found: its text and, when it is a line of the page, that line's index.
    struct Headline: Equatable {
        var text: String
        var index: Int?
    }

    /// Reasons given by the phrase rules to lines that sit next to a headline.
    static let anchorReasons: Set<String> = ["byline", "dateline", "date-line"]

    /// Separators between a page title and its site name, or between menu entries.
    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " : ", " · ", " • ", " « ", " » ", " ~ "]
    /// Separators that make a line with two or more of them a menu or breadcrumb.
    static let menuSeparators = [" | ", " · ", " • ", " / ", " › ", " > ", " » ", " :: "]
    /// First tokens that mark a list item: bullets and ordered-list numbers.
    static let bulletTokens: Set<String> = ["*", "+", "o", "•", "-", "–", "—", "·", "»", "›", ">", "▪", "■", "◦", "‣", "►", "□", "☆", "★", "◇", "◆", "○", "●", "[IMG]", "[*]", "[ ]"]

    /// The headline of `page`, or `nil` when no line is a likely one. `end` is the stage's first
    /// prose line; the finder looks for the body itself (see ``bodyStart(_:from:)``), since a
    /// prose line can come before the headline (a site blurb, a caption).
    func headline(in page: Clean.PageState, before end: Int, occurrences: [String: Int]) -> Headline? {
        let lines = page.lines
        let runStart = bodyStart(page, from: 0)
        let hardWrapped = isHardWrapped(page)
        let bodyStart = firstLongParagraph(page, from: runStart)
        let hint = pageTitleHint(page)
        // Names the page gives itself: the page title's suffix and the copyright holder.
        var siteNames: Set<String> = []
        if let suffix = hint?.suffix { siteNames.insert(Self.normalized(suffix)) }
        for line in lines where !line.isBlank && (Self.has(line.folded, "©") || line.lowered.hasPrefix("copyright")) {
            if let holder = MetadataCollector.copyrightHolder(line.folded) { siteNames.insert(Self.normalized(holder)) }
        }
        var scored: [(index: Int, score: Double)] = []
        var joined: [Int: String] = [:]
        let clear = clearToBody(page, bodyStart: bodyStart)
        let limit = min(bodyStart, lines.count)
        let candidate = lines.indices.map { $0 < limit && page.isKept($0) && isCandidate(lines[$0]) }
        var laterCandidates = 0
        var anchors = [Anchor?](repeating: nil, count: lines.count)
        var index = min(bodyStart, lines.count) - 1
        while index >= 0 {
            defer { index -= 1 }
            guard page.isKept(index), index != hint?.index || hint?.suffix == nil else { continue }
            var line = lines[index]
            var last = index
            if isWrapped(page, index, hardWrapped: hardWrapped) {
                // A headline wrapped over two or three lines of a hard-wrapped dump is one candidate.
                guard let block = wrappedHeading(page, from: index, hardWrapped: hardWrapped) else { continue }
                (line, last) = block
            }
            guard last == index ? candidate[index] : isCandidate(line), !(index >= runStart && isProse(line)) else { continue }
            let score = self.score(page, line: line, index: index, last: last, bodyStart: bodyStart, later: laterCandidates,
                                   occurrences: occurrences, hint: hint, siteNames: siteNames, clear: clear, candidate: candidate,
                                   anchors: &anchors)
            laterCandidates += 1
            scored.append((index, score))
            if last != index { joined[index] = line.folded }
        }
        // The few best: does another line quote them ("Share: <headline>", a breadcrumb, a teaser)?
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
        for rank in scored.indices.prefix(5) {
            let target = lines[scored[rank].index].lowered
            guard target.utf8.count >= 20 else { continue }
            let needle = Array(target.utf8)
            if lines.indices.contains(where: { $0 != scored[rank].index && lines[$0].lowered.utf8.count > needle.count
                                               && Self.has(lines[$0].lowered, bytes: needle) }) {
                scored[rank].score += 1.5
            }
        }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
        // A page-title line with a site suffix is the page's own statement of its headline; the
        // line that repeats it is kept as the page prints it.
        if let hint, hint.suffix != nil, PageLine.wordCount(hint.text) >= 3, !isMenu(hint.text) {
            let key = Self.normalized(hint.text)
            if let same = scored.first(where: { Self.normalized(joined[$0.index] ?? lines[$0.index].folded) == key }) {
                return Headline(text: joined[same.index] ?? lines[same.index].folded, index: same.index)
            }
            return Headline(text: hint.text, index: nil)
        }
        let best = scored.first
        if let best, best.score > 0 { return Headline(text: joined[best.index] ?? lines[best.index].folded, index: best.index) }
        if let hint, hint.suffix != nil, PageLine.wordCount(hint.text) >= 3, !isMenu(hint.text) {
            return Headline(text: hint.text, index: nil)
        }
        if let best, best.score > -2 { return Headline(text: joined[best.index] ?? lines[best.index].folded, index: best.index) }
        return nil
    }

    /// How much the page's evidence says line `index` is the headline.
    func score(_ page: Clean.PageState, line: PageLine, index: Int, last: Int, bodyStart: Int, later: Int, occurrences: [String: Int],
               hint: Hint?, siteNames: Set<String>, clear: [Bool], candidate: [Bool], anchors: inout [Anchor?]) -> Double {
        var score = 0.0
        // Nearer the body is better: each title-like line in between costs a little, up to a point.
        score -= min(1.5, 0.3 * Double(later))
        let anchor = anchorDistance(page, after: last, anchors: &anchors)
        if let anchor { score += anchor <= 2 ? 3 : 2 }
        if hasDate(page, before: index) { score += 0.5 }
        // A repeated line is a headline shown twice (page title and h1, breadcrumb and h1), or a
        // menu entry shown twice (desktop and mobile menus): only near the body or its byline
        // does the repeat count.
        if occurrences[line.lowered, default: 0] >= 2 {
            if anchor != nil || later <= 6 { score += line.words >= 5 ? 3 : 2 } else { score += 0.5 }
            // A name printed twice is the author's, not a headline.
            if line.words <= 4 && !BylineReader.nameLine(line.folded).isEmpty { score -= 3 }
        }
        if let hint, hint.index != index, Self.normalized(hint.text) == Self.normalized(line.folded) { score += 4 }
        if endsBreadcrumb(page, at: index) { score += 1.5 }
        if line.folded.hasSuffix(".") { score -= isProse(line) ? 2.5 : 2 }
        // Headlines are phrases of several words; section labels are short.
        score += 0.15 * Double(min(line.words, 10))
        if line.words <= 2 { score -= 2.5 } else if line.words == 3 { score -= 1.5 }
        // Several sentences on one line are a caption or a teaser.
        if line.words >= 10 && Self.has(line.folded, ". ") && !line.folded.hasSuffix("?") && !line.folded.hasSuffix("!") { score -= 1.5 }
        // Two to four capitalised words and nothing else is more often a name (a site, a section,
        // a person) than a headline.
        if line.words <= 4 && line.folded.split(separator: " ").allSatisfy({ ($0.first?.isUppercase ?? false) || MetadataCollector.nameConnectors.contains($0.lowercased()) }) { score -= 1 }
        if !hasLowercase(line.folded) { score -= 1.5 }
        // Buttons and prompts: a short line with a sharing, account or consent word.
        if line.words <= 6 && line.lowered.split(whereSeparator: { !$0.isLetter }).contains(where: { Self.interfaceWords.contains(String($0)) }) { score -= 2 }
        if last < clear.count && clear[last] { score += 1 }
        // A headline is often followed by its standfirst.
        if !line.folded.hasSuffix("."), let below = nextLine(page, last), page.isKept(below),
           page.lines[below].folded.hasSuffix("."), isProse(page.lines[below]) { score += 1 }
        // The site's own name is not a headline.
        if siteNames.contains(Self.normalized(line.folded)) { score -= 4 }
        // A longer line right under a title-like line is its standfirst.
        if let above = previousLine(page, index), page.isKept(above), page.lines[above].words >= 6,
           page.lines[above].words < line.words, candidate[above] { score -= 1 }
        return score
    }

    /// The wrapped heading starting at `index`: two or three lines, each continuing the one
    /// before in lowercase, with a blank line or the end of the block after them, joined.
    func wrappedHeading(_ page: Clean.PageState, from index: Int, hardWrapped: Bool) -> (PageLine, Int)? {
        let lines = page.lines
        if index > 0, runsOn(lines[index - 1], into: lines[index], hardWrapped: hardWrapped) { return nil }
        var last = index
        var words = lines[index].words
        while last + 1 < lines.count, page.isKept(last + 1), runsOn(lines[last], into: lines[last + 1], hardWrapped: hardWrapped) {
            last += 1
            words += lines[last].words
            if last - index >= 3 || words > settings.titleMaxWords { return nil }
        }
        guard last > index, last + 1 >= lines.count || lines[last + 1].isBlank else { return nil }
        let text = lines[index...last].map(\.folded).joined(separator: " ")
        return (PageLine(number: lines[index].number, raw: Substring(text)), last)
    }

    /// Whether the line is part of a hard-wrapped paragraph: it runs on into the next line or
    /// continues the previous one (the other line starting in lowercase).
    func isWrapped(_ page: Clean.PageState, _ index: Int, hardWrapped: Bool) -> Bool {
        let lines = page.lines
        if index + 1 < lines.count, runsOn(lines[index], into: lines[index + 1], hardWrapped: hardWrapped) { return true }
        if index > 0, !lines[index - 1].isBlank, lines[index - 1].words >= 4,
           runsOn(lines[index - 1], into: lines[index], hardWrapped: hardWrapped) { return true }
        return false
    }

    /// Whether the paragraph starting at `index` (its hard-wrapped lines joined) reads as prose.
    func startsProse(_ page: Clean.PageState, _ index: Int, hardWrapped: Bool) -> Bool {
        let lines = page.lines
        if isMenu(lines[index].folded) || Self.bulletTokens.contains(String(lines[index].folded.prefix { $0 != " " })) { return false }
        // A long line without a comma or a sentence's end is a menu run together, not prose.
        if !PageLine.endsSentence(lines[index].folded) && !Self.has(lines[index].folded, ", ") && !Self.has(lines[index].folded, ". ")
            && !runsOn(lines[index], into: index + 1 < lines.count ? lines[index + 1] : lines[index], hardWrapped: hardWrapped) { return false }
        // A lone question or exclamation is a headline's way of ending, not the body's first line.
        if isProse(lines[index]) {
            return lines[index].words >= settings.longProseWords || !(lines[index].folded.hasSuffix("?") || lines[index].folded.hasSuffix("!"))
        }
        var words = lines[index].words
        var last = index
        while last + 1 < lines.count, last - index < 40, page.isKept(last + 1), runsOn(lines[last], into: lines[last + 1], hardWrapped: hardWrapped) {
            last += 1
            words += lines[last].words
        }
        guard last > index else { return false }
        return words >= settings.longProseWords || (words >= settings.proseMinWords && PageLine.endsSentence(lines[last].folded))
    }

    /// Whether the page's text is hard-wrapped to a short measure: hardly any line is longer.
    func isHardWrapped(_ page: Clean.PageState) -> Bool {
        var long = 0
        var measured = 0
        for line in page.lines where !line.isBlank {
            let length = line.folded.utf8.count
            if length > settings.wrapMaxLineLength + 40 { long += 1 }
            if length >= settings.wrapMinLineLength { measured += 1 }
        }
        return measured >= 5 && long * 50 <= measured
    }

    /// Whether `next` continues `line` as the next line of a hard-wrapped paragraph: it starts in
    /// lowercase after a line that does not end a sentence, or both lines fill a short measure.
    func runsOn(_ line: PageLine, into next: PageLine, hardWrapped: Bool) -> Bool {
        guard !next.isBlank, !isMenu(next.folded) else { return false }
        let ends = PageLine.endsSentence(line.folded)
        if !ends && PageLine.startsLowercase(next.folded) { return true }
        guard hardWrapped else { return false }
        let length = line.folded.unicodeScalars.count
        let nextLength = next.folded.unicodeScalars.count
        return !ends && length <= settings.wrapMaxLineLength && nextLength <= settings.wrapMaxLineLength
            && length >= settings.wrapMinLineLength && Double(length) >= 0.6 * Double(max(length, nextLength))
    }

    /// The first line of the article text: the start of the largest run of prose on the page
    /// (prose paragraphs with at most a few lines of furniture between them). A lone prose line
    /// elsewhere (a site blurb, a cookie notice, a teaser) does not start the body.
    func bodyStart(_ page: Clean.PageState, from start: Int) -> Int {
        let lines = page.lines
        let hardWrapped = isHardWrapped(page)
        var best: (start: Int, words: Int)?
        var run: (start: Int, words: Int, prose: Int)?
        var gap = 0
        var index = start
        while index < lines.count {
            defer { index += 1 }
            guard page.isKept(index) else { continue }
            // A wrapped paragraph's later lines were counted with its first.
            if index > 0, page.isKept(index - 1), runsOn(lines[index - 1], into: lines[index], hardWrapped: hardWrapped) {
                if run != nil { run!.words += lines[index].words }
                continue
            }
            if startsProse(page, index, hardWrapped: hardWrapped) {
                if run == nil { run = (index, 0, 0) }
                run!.words += lines[index].words
                run!.prose += 1
                gap = 0
            } else if run != nil {
                gap += 1
                if gap > 8 {
                    if run!.prose >= 2 || run!.words >= settings.anchorWords, best == nil || run!.words > best!.words { best = (run!.start, run!.words) }
                    run = nil
                    gap = 0
                }
            }
        }
        if let run, run.prose >= 2 || run.words >= settings.anchorWords, best == nil || run.words > best!.words { best = (run.start, run.words) }
        return best?.start ?? lines.count
    }

    /// The first paragraph of at least ``CleanSettings/longProseWords`` words from `start` on:
    /// the prose run that starts the body may open with a standfirst or a caption, and the
    /// headline can sit between those and the first paragraph of the article.
    func firstLongParagraph(_ page: Clean.PageState, from start: Int) -> Int {
        var index = start
        var seen = 0
        while index < page.lines.count && seen < 16 {
            if page.isKept(index) {
                if page.lines[index].words >= settings.longProseWords && !isMenu(page.lines[index].folded) { return index }
                seen += 1
            }
            index += 1
        }
        return start
    }

    /// How many lines down a byline or date follows, within the next few lines (a standfirst
    /// may sit between).
    func anchorDistance(_ page: Clean.PageState, after index: Int, anchors: inout [Anchor?]) -> Int? {
        var seen = 0
        var next = index + 1
        while next < page.lines.count && seen < 4 {
            defer { next += 1 }
            if page.lines[next].isBlank { continue }
            seen += 1
            if anchors[next] == nil { anchors[next] = anchor(page, next) }
            switch anchors[next]! {
            case .anchor: return seen
            case .name where seen == 1: return seen
            case .name, .none: continue
            }
        }
        return nil
    }

    /// What a line below a candidate says of it (see ``anchorDistance(_:after:anchors:)``); each
    /// line is read once per page, though up to four candidates above it ask.
    enum Anchor {
        /// A byline, author line or date: the line above it may be the headline.
        case anchor
        /// A name alone: the author, when it is right under the line.
        case name
        case none
    }

    func anchor(_ page: Clean.PageState, _ index: Int) -> Anchor {
        let line = page.lines[index]
        if let reason = page.removedReason[index] { return Self.anchorReasons.contains(reason) ? .anchor : .none }
        let text = Self.removingBullet(line.folded)
        if Self.isBylineStart(text) || ["by", "von", "por", "par"].contains(text.lowercased()) { return .anchor }
        if Self.isAuthorLine(text) { return .anchor }
        if let first = line.lowered.split(separator: " ").first,
           PublicationDate.publishedLabels.contains(String(first)) || PublicationDate.updatedLabels.contains(String(first)) { return .anchor }
        if line.words <= 16 && PublicationDate.iso(line.folded) != nil { return .anchor }
        return line.words <= 4 && !BylineReader.nameLine(text).isEmpty ? .name : .none
    }

    /// The index of the nearest non-blank line below.
    func nextLine(_ page: Clean.PageState, _ index: Int) -> Int? {
        var next = index + 1
        while next < page.lines.count && page.lines[next].isBlank { next += 1 }
        return next < page.lines.count ? next : nil
    }

    /// The index of the nearest non-blank line above.
    func previousLine(_ page: Clean.PageState, _ index: Int) -> Int? {
        var previous = index - 1
        while previous >= 0 && page.lines[previous].isBlank { previous -= 1 }
        return previous >= 0 ? previous : nil
    }

    /// Whether a date line (a blog's day header) sits just above.
    func hasDate(_ page: Clean.PageState, before index: Int) -> Bool {
        var seen = 0
        var previous = index - 1
        while previous >= 0 && seen < 2 {
            defer { previous -= 1 }
            let line = page.lines[previous]
            if line.isBlank { continue }
            seen += 1
            if line.words <= 12 && PublicationDate.iso(line.folded) != nil { return true }
        }
        return false
    }

    /// Whether one of the few lines above ends with this line's text: a breadcrumb trail whose
    /// last step is the article.
    func endsBreadcrumb(_ page: Clean.PageState, at index: Int) -> Bool {
        let target = page.lines[index].lowered
        var seen = 0
        var previous = index - 1
        while previous >= 0 && seen < 4 {
            defer { previous -= 1 }
            let line = page.lines[previous]
            if line.isBlank { continue }
            seen += 1
            if line.lowered != target && line.lowered.hasSuffix(target) { return true }
        }
        return false
    }

    /// For each line, whether only short furniture (buttons, counters, bullets) separates it from
    /// the body; one pass from the body up.
    func clearToBody(_ page: Clean.PageState, bodyStart: Int) -> [Bool] {
        var clear = Array(repeating: false, count: page.lines.count)
        guard bodyStart < page.lines.count else { return clear }
        var open = true
        var index = bodyStart - 1
        while index >= 0 {
            clear[index] = open
            if page.isKept(index) && page.lines[index].words >= 3 { open = false }
            index -= 1
        }
        return clear
    }

    /// Whether a line can be a headline at all.
    func isCandidate(_ line: PageLine) -> Bool {
        guard line.words >= 2, line.words <= settings.titleMaxWords, PageLine.hasText(line.folded) else { return false }
        let text = line.folded
        if let first = text.split(separator: " ", maxSplits: 1).first {
            if Self.bulletTokens.contains(String(first)) { return false }
            if first.hasSuffix("."), first.dropLast().allSatisfy(\.isNumber), !first.dropLast().isEmpty { return false }
        }
        if text.hasSuffix(":") || text.hasSuffix(",") { return false }
        // A sentence of prose ending in a period is text, not a headline.
        if text.hasSuffix(".") && isProse(line) { return false }
        if Self.has(line.lowered, "http://") || Self.has(line.lowered, "https://") || Self.has(line.lowered, "www.") { return false }
        if isMenu(text) { return false }
        if Self.isBylineStart(text) { return false }
        // An author line under the headline: several names, a name with a note in brackets, a handle.
        if (Self.has(text, " and ") || Self.has(text, ",") || Self.has(text, "(")) && !BylineReader.nameLine(text).isEmpty { return false }
        if text.split(separator: " ").contains(where: { $0.hasPrefix("@") && $0.count > 1 }) { return false }
        // A date or counter line ("5 min read", "18 Nov 2019") says when, not what.
        if line.words <= 14 && PublicationDate.iso(text) != nil { return false }
        if PublicationDate.isRelative(line.lowered) { return false }
        if line.words <= 4 && Self.isCounter(line.lowered) { return false }
        if Self.hasWidget(text) { return false }
        if line.words <= 6 && Self.hasClockTime(text) { return false }
        // "Updated …", "Posted …": a date line, whatever follows.
        if let first = line.lowered.split(separator: " ").first?.trimmingCharacters(in: CharacterSet(charactersIn: ":")),
           PublicationDate.publishedLabels.contains(first) || PublicationDate.updatedLabels.contains(first) { return false }
        var letters = 0
        var digits = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if PageLine.isASCIILetter(scalar) { letters += 1 } else if scalar.value >= 0x30 && scalar.value <= 0x39 { digits += 1 }
            } else if scalar.properties.isAlphabetic { letters += 1 }
        }
        if digits > letters { return false }
        return true
    }

    /// A navigation bar or breadcrumb: two or more menu separators, or one between short entries.
    func isMenu(_ text: String) -> Bool {
        // One pass over the scalars: a separator is a menu mark with a space on each side.
        var separators = 0
        var pipeWordsBefore = 0
        var words = 1
        var previous: Unicode.Scalar = "x"
        var beforePrevious: Unicode.Scalar = "x"
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if previous != " " { words += 1 }
                if beforePrevious == " " && Self.menuMarks.contains(previous) {
                    separators += 1
                    if previous == "|" { pipeWordsBefore = words - 2 }
                }
                if beforePrevious == ":" && previous == ":" { separators += 1 }
            }
            beforePrevious = previous
            previous = scalar
        }
        if separators >= 2 { return true }
        if separators == 1 && pipeWordsBefore > 0 {
            // "News | Sport": one bar between short entries.
            return pipeWordsBefore <= 2 && words - pipeWordsBefore - 1 <= 2
        }
        return false
    }

    /// The marks that separate menu entries when spaced: "Home | News", "World › Asia".
    static let menuMarks: Set<Unicode.Scalar> = ["|", "·", "•", "/", "›", ">", "»"]

    /// Whether `text` contains `needle`, by bytes (Foundation's `contains` is slow on Linux).
    static func has(_ text: String, _ needle: String) -> Bool {
        has(text, bytes: Array(needle.utf8))
    }

    /// Whether `text` contains the UTF-8 `needle`, without copying `text` when it is stored contiguously.
    static func has(_ text: String, bytes needle: [UInt8]) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { h in needle.withUnsafeBufferPointer { TextBytes.offset(of: $0, in: h) != nil } }
            ?? Clean.bytes(Array(text.utf8), contain: needle)
    }

    func isProse(_ line: PageLine) -> Bool {
        line.words >= settings.longProseWords || (line.words >= settings.proseMinWords && PageLine.endsSentence(line.folded))
    }

    func hasLowercase(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isLowercase }
    }

    /// Nouns that a number counts on a page's furniture: "5 min read", "6 comments", "1.2K shares".
    static let counterNouns: Set<String> = ["min", "mins", "minute", "minutes", "read", "comments", "comment", "views", "view",
                                            "shares", "share", "likes", "replies", "photos", "letture", "lecture", "lectura",
                                            "kommentare", "commenti", "comentarios", "commentaires", "reacties"]

    /// Whether a short line is a number and what it counts.
    static func isCounter(_ lowered: String) -> Bool {
        let words = lowered.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let hasNumber = words.contains { word in word.first?.isNumber == true && word.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "k" || $0 == "m" } }
        return hasNumber && words.contains { counterNouns.contains($0) }
    }

    /// Whether a text dump's form or image markup sits in the line: "[ ]", "[IMG]", "[submit]",
    /// "[logo-name]" (a bracket holding at most one word), or two bracket groups.
    static func hasWidget(_ text: String) -> Bool {
        var groups = 0
        var inside = ""
        var open = false
        for character in text {
            if character == "[" { open = true; inside = ""; continue }
            if character == "]" && open {
                open = false
                groups += 1
                if !inside.trimmingCharacters(in: .whitespaces).contains(" ") { return true }
                continue
            }
            if open { inside.append(character) }
        }
        return groups >= 2
    }

    /// Whether the line holds a clock time such as "14:53" or "9:41".
    static func hasClockTime(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices where scalars[index] == ":" && index > 0 && index + 2 < scalars.count {
            if scalars[index - 1].properties.numericType != nil && scalars[index + 1].properties.numericType != nil
                && scalars[index + 2].properties.numericType != nil { return true }
        }
        return false
    }

    /// Words of a page's buttons and prompts.
    static let interfaceWords: Set<String> = ["share", "tweet", "twitter", "facebook", "pinterest", "linkedin", "whatsapp", "reddit",
                                              "email", "print", "comment", "comments", "subscribe", "login", "logout", "register",
                                              "signed", "accept", "cookie", "cookies", "close", "menu", "search", "newsletter", "follow",
                                              "permalink", "url", "submit", "download", "app", "emails", "alerts", "newsletters"]

    /// The line without a leading list bullet.
    static func removingBullet(_ text: String) -> String {
        guard let space = text.firstIndex(of: " "), bulletTokens.contains(String(text[..<space])) else { return text }
        return String(text[text.index(after: space)...])
    }

    /// Whether a line is an author credit without "By": a name with a handle, a date or a
    /// dash after it ("Ana Lima @analima", "Ana Lima - Nov 3, 2025"), or names and nothing else.
    static func isAuthorLine(_ text: String) -> Bool {
        guard PageLine.wordCount(text) <= 14, !text.hasSuffix(".") else { return false }
        if Self.has(text, " @") || Self.has(text, " - ") || Self.has(text, " | ") || PublicationDate.iso(text) != nil {
            guard let first = text.split(whereSeparator: { $0 == "@" || $0 == "|" || $0 == "," }).first,
                  let name = BylineReader.leadingName(String(first).trimmingCharacters(in: .whitespaces)) else { return false }
            return name.split(separator: " ").count >= 2 && name.split(separator: " ").count <= 4
        }
        return (Self.has(text, " and ") || Self.has(text, "(")) && !BylineReader.nameLine(text).isEmpty
    }

    /// Whether a line opens like a byline: "By" and a capitalised word.
    static func isBylineStart(_ text: String) -> Bool {
        let parts = text.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "By" || parts[0] == "by" || parts[0] == "BY" else { return false }
        return parts[1].first?.isUppercase ?? false
    }

    /// The page's title line: the first kept line, with its site-name suffix cut off when it has one.
    struct Hint {
        var index: Int
        var text: String
        var suffix: String?
    }

    func pageTitleHint(_ page: Clean.PageState) -> Hint? {
        guard let index = page.lines.indices.first(where: { !page.lines[$0].isBlank }) else { return nil }
        let line = page.lines[index]
        guard line.words >= 2, !isMenu(line.folded) else { return nil }
        let (title, suffix) = Self.splitSiteSuffix(line.folded)
        return Hint(index: index, text: title, suffix: suffix)
    }

    /// "Headline | Site" → ("Headline", "Site"): trailing short segments after a title
    /// separator are the site's name and section.
    static func splitSiteSuffix(_ text: String) -> (title: String, suffix: String?) {
        var title = text
        var suffix: String?
        // After the first cut only the same separator cuts again ("Title | Section | Site"): a
        // different one is the headline's own dash ("Title — and more - Site").
        var used: String?
        while true {
            var cut: Range<String.Index>?
            var cutBy: String?
            for separator in titleSeparators where used == nil || separator == used {
                if let range = lastRange(of: separator, in: title), cut == nil || range.lowerBound > cut!.lowerBound {
                    cut = range
                    cutBy = separator
                }
            }
            guard let cut else { break }
            used = cutBy
            let head = String(title[..<cut.lowerBound])
            let tail = String(title[cut.upperBound...])
            let tailWords = PageLine.wordCount(tail)
            guard tailWords >= 1, tailWords <= 5, PageLine.wordCount(head) > tailWords || PageLine.wordCount(head) >= 3 else { break }
            suffix = tail
            title = head
        }
        return (title, suffix)
    }

    /// The last occurrence of `separator` in `text`, found on UTF-8 bytes (Foundation's
    /// backwards search bridges through NSString on Linux and ran for every candidate line).
    static func lastRange(of separator: String, in text: String) -> Range<String.Index>? {
        let needle = Array(separator.utf8)
        let haystack = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var start = haystack.count - needle.count
        while start >= 0 {
            if haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
                let lower = text.utf8.index(text.utf8.startIndex, offsetBy: start)
                return lower..<text.utf8.index(lower, offsetBy: needle.count)
            }
            start -= 1
        }
        return nil
    }

    /// Case, white space and quote marks folded, as readers compare titles.
    static func normalized(_ text: String) -> String {
        var output = ""
        for scalar in TextBytes.lowercased(text).unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "`": output.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}": output.unicodeScalars.append("\"")
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
