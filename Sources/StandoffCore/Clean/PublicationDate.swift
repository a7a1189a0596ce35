/// Reads the dates pages print as ISO `YYYY-MM-DD`: "April 4, 2024", "Oct. 3, 2025", "4 Apr. 2024",
/// "3. Oktober 2025", "22 de outubro de 2010", "2024-04-04", "2019-11-19T10:00:00Z", "2025/10/03",
/// "2019.11.19", and day-first or month-first numbers when only one reading is a valid date
/// ("27/09/2018", "11/13/19").
///
/// Numeric orders such as `04/05/2024` are refused: they are ambiguous between American and
/// European use, and a wrong date is worse than none. Relative dates ("2 hours ago") are no date.
public enum PublicationDate {
    /// The ISO date in `text`, or `nil` when it holds no unambiguous, valid calendar date.
    /// With several dates, the one a "published"/"posted" label introduces wins over the rest,
    /// and one an "updated" label introduces comes last.
    public static func iso(_ text: String) -> String? {
        let found = dates(in: text)
        return (found.first { $0.kind == .published } ?? found.first { $0.kind == .plain } ?? found.first)?.iso
    }

    /// What a label before a date says about it.
    enum Kind: Equatable {
        case published, plain, updated
    }

    /// Words that introduce a first-publication date, in the languages of ``MonthNames``.
    static let publishedLabels: Set<String> = ["published", "posted", "publicado", "publicada", "publié", "publiée", "publie",
                                                "veröffentlicht", "publiziert", "erschienen", "pubblicato", "pubblicata",
                                                "gepubliceerd", "geplaatst", "diterbitkan", "dipublikasikan", "created", "archived"]
    /// Words that introduce a later revision's date.
    static let updatedLabels: Set<String> = ["updated", "update", "modified", "edited", "revised", "actualizado", "atualizado",
                                              "aktualisiert", "aggiornato", "aggiornata", "bijgewerkt", "diperbarui", "jour"]
    /// Units that make "3 hours ago" relative.
    static let relativeUnits: Set<String> = ["second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
                                              "hour", "hours", "hr", "hrs", "h", "day", "days", "week", "weeks",
                                              "month", "months", "year", "years", "an", "a"]

    /// A token of a date: a run of letters, a run of digits, or one other character.
    struct Token {
        enum Class { case word, number, mark }
        var text: String
        var type: Class
        var spaceBefore: Bool
    }

    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var currentClass: Token.Class?
        var space = false
        func flush() {
            if let currentClass, !current.isEmpty { tokens.append(Token(text: current, type: currentClass, spaceBefore: space)); space = false }
            current = ""
            currentClass = nil
        }
        for character in text.lowercased() {
            let type: Token.Class? = character.isLetter ? .word : (character.isASCII && character.isNumber ? .number : nil)
            if character.isWhitespace {
                flush()
                space = true
                continue
            }
            if let type, type == currentClass {
                current.append(character)
                continue
            }
            flush()
            if let type {
                currentClass = type
                current.append(character)
            } else {
                tokens.append(Token(text: String(character), type: .mark, spaceBefore: space))
                space = false
            }
        }
        flush()
        return tokens
    }

    /// Whether `text` holds a relative date such as "2 hours ago" or "yesterday".
    public static func isRelative(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard lowered.utf8.count >= 3, HeadlineFinder.has(lowered, "ago") || HeadlineFinder.has(lowered, "today") || HeadlineFinder.has(lowered, "yesterday") else { return false }
        let words = tokens(text).filter { $0.type != .mark }.map(\.text)
        for (index, word) in words.enumerated() {
            if word == "ago", index >= 1, relativeUnits.contains(words[index - 1]) { return true }
            if word == "yesterday" || word == "today" { return words.count <= 6 }
        }
        return false
    }

    /// Every date in `text`, in order, with the label that introduces it.
    static func dates(in text: String) -> [(iso: String, kind: Kind)] {
        // Every date form has a digit; most lines have none.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        let tokens = tokens(text)
        var found: [(iso: String, kind: Kind)] = []
        var kind = Kind.plain
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.type == .word {
                if publishedLabels.contains(token.text) { kind = .published } else if updatedLabels.contains(token.text) { kind = .updated }
            }
            if let (iso, length) = date(tokens, at: index) {
                found.append((iso, kind))
                index += length
                continue
            }
            index += 1
        }
        return found
    }

    /// A date starting at token `start`, with the number of tokens it spans.
    static func date(_ tokens: [Token], at start: Int) -> (String, Int)? {
        let token = tokens[start]
        func at(_ offset: Int) -> Token? { start + offset < tokens.count ? tokens[start + offset] : nil }
        switch token.type {
        case .number:
            if let numeric = numericDate(tokens, at: start) { return numeric }
            // "4 April 2024", "4. April 2024", "4th April, 2024", "22 de outubro de 2010"
            guard token.text.count <= 2, let day = Int(token.text) else { return nil }
            var offset = 1
            if let next = at(offset), next.type == .mark, next.text == ".", !(at(offset + 1)?.spaceBefore == false && at(offset + 1)?.type == .number) { offset += 1 }
            if let next = at(offset), next.type == .word, ["st", "nd", "rd", "th", "de", "del", "di"].contains(next.text) {
                offset += 1
                if ["de", "del", "di"].contains(at(offset)?.text ?? "") { offset += 1 }
            }
            guard let monthToken = at(offset), monthToken.type == .word, let month = MonthNames.month(monthToken.text) else { return nil }
            offset += 1
            offset = skipping(tokens, from: start + offset, marks: [".", ","], words: ["de", "del", "di"]) - start
            guard let yearToken = at(offset), yearToken.type == .number, yearToken.text.count == 4, let year = Int(yearToken.text) else { return nil }
            return format(year: year, month: month, day: day).map { ($0, offset + 1) }
        case .word:
            // "April 4, 2024", "Oct. 3, 2025", "Nov 18th 2019"
            guard let month = MonthNames.month(token.text) else { return nil }
            var offset = skipping(tokens, from: start + 1, marks: ["."], words: []) - start
            guard let dayToken = at(offset), dayToken.type == .number, dayToken.text.count <= 2, let day = Int(dayToken.text) else { return nil }
            offset += 1
            if let next = at(offset), next.type == .word, ["st", "nd", "rd", "th"].contains(next.text) { offset += 1 }
            offset = skipping(tokens, from: start + offset, marks: [",", "."], words: []) - start
            guard let yearToken = at(offset), yearToken.type == .number, yearToken.text.count == 4, let year = Int(yearToken.text) else { return nil }
            return format(year: year, month: month, day: day).map { ($0, offset + 1) }
        case .mark:
            return nil
        }
    }

    /// "2024-04-04", "2025/10/03", "2019.11.19"; "27/09/2018" or "11/13/19" when only one order is valid.
    static func numericDate(_ tokens: [Token], at start: Int) -> (String, Int)? {
        guard start + 4 < tokens.count else { return nil }
        let parts = [tokens[start], tokens[start + 2], tokens[start + 4]]
        let marks = [tokens[start + 1], tokens[start + 3]]
        guard parts.allSatisfy({ $0.type == .number }), marks[0].type == .mark, marks[0].text == marks[1].text,
              ["-", "/", "."].contains(marks[0].text),
              !tokens[(start + 1)...(start + 4)].contains(where: \.spaceBefore) else { return nil }
        // A fourth number joined the same way is a version or a phone number, not a date.
        if start + 6 < tokens.count, tokens[start + 5].text == marks[0].text, !tokens[start + 5].spaceBefore, tokens[start + 6].type == .number { return nil }
        if start >= 2, tokens[start - 1].text == marks[0].text, !tokens[start].spaceBefore, tokens[start - 2].type == .number { return nil }
        let numbers = parts.compactMap { Int($0.text) }
        guard numbers.count == 3 else { return nil }
        if parts[0].text.count == 4 {
            return format(year: numbers[0], month: numbers[1], day: numbers[2]).map { ($0, 5) }
        }
        guard parts[0].text.count <= 2, parts[1].text.count <= 2 else { return nil }
        var year = numbers[2]
        if parts[2].text.count == 2 {
            // Two-digit years only in the slash form ("11/13/19"); "11.18.19" may be anything.
            guard marks[0].text == "/" else { return nil }
            year += 2000
        } else if parts[2].text.count != 4 {
            return nil
        }
        let (first, second) = (numbers[0], numbers[1])
        if first > 12 && second <= 12 {
            return format(year: year, month: second, day: first).map { ($0, 5) }
        }
        if second > 12 && first <= 12 {
            return format(year: year, month: first, day: second).map { ($0, 5) }
        }
        return nil
    }

    /// The index of the first token from `index` on that is not one of `marks` or `words`.
    static func skipping(_ tokens: [Token], from index: Int, marks: Set<String>, words: Set<String>) -> Int {
        var index = index
        while index < tokens.count, (tokens[index].type == .mark && marks.contains(tokens[index].text))
                || (tokens[index].type == .word && words.contains(tokens[index].text)) {
            index += 1
        }
        return index
    }

    static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1000...9999).contains(year), (1...12).contains(month) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        return "\(year)-\(zeroPadded(month, width: 2))-\(zeroPadded(day, width: 2))"
    }
}
