/// Reads the dates pages print ("April 4, 2024", "4 Apr. 2024", "2024-04-04") as ISO `YYYY-MM-DD`.
///
/// Numeric day/month orders such as `04/05/2024` are refused: they are ambiguous between
/// American and European use, and a wrong date is worse than none.
public enum PublicationDate {
    /// English month names and their usual abbreviations, lowercased, without the period.
    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (offset, name) in names.enumerated() {
            table[name] = offset + 1
            table[String(name.prefix(3))] = offset + 1
        }
        table["sept"] = 9
        return table
    }()

    /// The ISO date in `text`, or `nil` when it holds no unambiguous, valid calendar date.
    public static func iso(_ text: String) -> String? {
        let tokens = text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
            .map(String.init)
        for (index, token) in tokens.enumerated() {
            // 2024-04-04
            let parts = token.split(separator: "-")
            if parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
                return format(year: y, month: m, day: d)
            }
            guard let month = months[token] else { continue }
            let rest = tokens.dropFirst(index + 1).map { $0.filter(\.isNumber) }.filter { !$0.isEmpty }
            let before = tokens.prefix(index).last.map { $0.filter(\.isNumber) } ?? ""
            // "April 4, 2024" or "April 4th 2024"
            if rest.count >= 2, rest[0].count <= 2, rest[1].count == 4, let d = Int(rest[0]), let y = Int(rest[1]) {
                return format(year: y, month: month, day: d)
            }
            // "4 April 2024"
            if !before.isEmpty, before.count <= 2, let d = Int(before), let first = rest.first, first.count == 4, let y = Int(first) {
                return format(year: y, month: month, day: d)
            }
        }
        return nil
    }

    static func format(year: Int, month: Int, day: Int) -> String? {
        guard (1000...9999).contains(year), (1...12).contains(month) else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(day) else { return nil }
        return "\(year)-\(zeroPadded(month, width: 2))-\(zeroPadded(day, width: 2))"
    }
}
