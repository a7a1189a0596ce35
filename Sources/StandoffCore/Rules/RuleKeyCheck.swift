import Foundation

/// Finds keys a rule type does not know, because the JSON decoder would silently ignore a
/// misspelt `no_mach` or `max_word`: its examples would never run, its limit never apply.
enum RuleKeyCheck {
    /// What is wrong with the keys of one line's JSON, or `nil` when every key is allowed (or the
    /// line is no JSON object, which the decoder reports better).
    static func problem(inLine json: Data, allowed: Set<String>) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              let unknown = object.keys.filter({ !allowed.contains($0) }).sorted().first else { return nil }
        let keys = allowed.sorted().joined(separator: ", ")
        if let suggestion = closestKey(to: unknown, in: allowed) {
            return "unknown key '\(unknown)'; did you mean '\(suggestion)'? (the keys are \(keys))"
        }
        return "unknown key '\(unknown)'; remove it or use one of the keys: \(keys)"
    }

    /// Every unknown key in a whole file, each naming its line: what a test lists at once.
    static func problems(file: String, contents: String, allowed: Set<String>) -> [StandoffError] {
        var problems: [StandoffError] = []
        for (index, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if let reason = problem(inLine: Data(trimmed.utf8), allowed: allowed) {
                problems.append(.invalidRule(file: file, line: index + 1, reason: reason))
            }
        }
        return problems
    }

    /// The allowed key a typo most likely meant: at most two edits away (a letter missing,
    /// added, changed or two swapped), the nearest first, ties in name order.
    static func closestKey(to key: String, in allowed: Set<String>) -> String? {
        let scored = allowed.map { (key: $0, distance: editDistance(Array(key), Array($0))) }
        return scored.filter { $0.distance <= 2 }.min { ($0.distance, $0.key) < ($1.distance, $1.key) }?.key
    }

    /// Edits (insertions, deletions, substitutions, swaps of neighbours) that turn `a` into `b`.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
