import Foundation

/// Reads people's names out of a byline's text: "Ana Lima and Joe Park", "Ana Lima, Reuters",
/// "Ana Lima (ana@example.org)", "Ana Lima @analima Nov 3, 2025", "Ana Lima in Lisbon and Joe
/// Park in Seoul; Editing by Li Wei". Wire credits and agency names are not authors, editors are
/// not authors, and anything after a name that is not another name (a role, an e-mail, a date)
/// is dropped.
enum BylineReader {
    /// Wire services and newsroom credits that stand where a name would.
    static let credits: Set<String> = ["reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse",
                                       "bloomberg", "bloomberg news", "xinhua", "yonhap", "kyodo", "kyodo news", "pti", "ians", "upi",
                                       "dpa", "ansa", "efe", "tass", "press association", "pa", "cnn", "bbc", "staff", "staff writer",
                                       "staff reporter", "editorial board", "the editorial board", "news desk", "web desk", "admin",
                                       "wire services", "news service", "news agency", "agencies"]
    /// Lower-case particles inside names ("Ludwig van Beethoven", "Maria da Silva").
    static let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "le", "la",
                                         "bin", "binti", "al", "dos", "das", "ten", "ter", "y", "e"]
    /// Words that end the authors' part of a byline: what follows is someone else's credit.
    static let otherCredits = ["editing by", "edited by", "photographs by", "photos by", "photo by", "illustrations by",
                               "illustration by", "graphics by", "video by", "translated by", "translation by", "additional reporting by"]
    /// Words of account and listing links that look like names when capitalised ("Edit Profile").
    static let interfaceNouns: Set<String> = ["edit", "profile", "browse", "posts", "all", "articles", "account", "settings",
                                              "archive", "author", "authors", "page", "pages", "home", "next", "previous"]
    /// Newsroom roles that follow a name after a comma or dash.
    static let roles: Set<String> = ["contributor", "correspondent", "reporter", "writer", "editor", "columnist", "staff", "producer"]
    /// Capitalised words that are not names: days, months and newsroom words.
    static let notNames: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "updated", "published", "posted", "contributor", "correspondent", "reporter",
                                        "writer", "editor", "columnist", "news", "opinion", "home", "menu", "more", "view",
                                        "share", "follow", "email", "comments", "the", "read", "min", "minute", "minutes",
                                        "editors", "editor’s", "editor's", "picks", "stories", "story", "popular", "latest", "related",
                                        "top", "trending", "video", "videos", "photos", "sports", "business", "world", "politics",
                                        "live", "breaking", "newsletter", "subscribe", "sign", "log", "search", "contact", "about",
                                        "privacy", "terms", "policy", "advertise", "press", "times", "daily", "post", "media"]

    /// The names in a byline's value; `nil` when none.
    static func names(in value: String, singleWord: Bool = true) -> [String] {
        var text = value
        // Only the authors' credit: "…; Editing by X" and "| Photographs by Y" belong to others.
        let lowered = text.lowercased()
        for credit in otherCredits {
            if let range = lowered.range(of: credit) {
                let offset = lowered.distance(from: lowered.startIndex, to: range.lowerBound)
                text = String(text.prefix(offset))
            }
        }
        text = removingParentheticals(text)
        var pieces: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" || $0 == "&" || $0 == "·" || $0 == "•" }) {
            for piece in String(part).components(separatedBy: " and ") { pieces.append(piece) }
        }
        var names: [String] = []
        for piece in pieces {
            // "AP Auto Writer", "Live Science Contributor": a role, not a person.
            if piece.split(separator: " ").contains(where: { roles.contains($0.lowercased()) }) && names.count > 0 { continue }
            guard let name = leadingName(piece.trimmingCharacters(in: .whitespaces)) else { continue }
            let words = name.split(separator: " ").count
            if words == 1 && !(singleWord && pieces.count == 1) { continue }
            if credits.contains(name.lowercased()) || names.contains(name) { continue }
            names.append(name)
        }
        return names
    }

    /// The capitalised name a piece opens with ("Ana Lima" in "Ana Lima in Lisbon"), if the piece
    /// opens with one and holds nothing but it and a trailer (a place, a handle, a date, a role
    /// after a dash).
    static func leadingName(_ piece: String) -> String? {
        let words = piece.split(separator: " ").map(String.init)
        var taken: [String] = []
        for word in words {
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
            if isNameWord(word) && !notNames.contains(bare.lowercased()) && MonthNames.month(bare.lowercased()) == nil {
                taken.append(word)
                if taken.count > 5 { return nil }
                continue
            }
            if particles.contains(word) && !taken.isEmpty { taken.append(word); continue }
            // What may follow a name: "in <Place>", "at …", "on …", "@handle", a dash, a number, a role.
            break
        }
        while let last = taken.last, particles.contains(last) { taken.removeLast() }
        guard !taken.isEmpty else { return nil }
        let rest = words.dropFirst(taken.count)
        if let next = rest.first {
            let allowed = ["in", "at", "on", "from", "for", "-", "–", "—", "/"].contains(next.lowercased())
                || next.hasPrefix("@") || next.first?.isNumber == true || MonthNames.month(next.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,"))) != nil
                || notNames.contains(next.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".,:")))
            guard allowed else { return nil }
        }
        var name = taken.joined(separator: " ")
        while name.hasSuffix(".") && !(name.split(separator: " ").last.map { $0.count == 2 } ?? false) { name.removeLast() }
        return name.isEmpty ? nil : name
    }

    /// A word that can be part of a name: capitalised ("Ana", "Ha-neul", "O’Brien", "E.") or all
    /// capitals ("KIM").
    static func isNameWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        return word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" || $0 == "." || $0 == "’" || $0 == "'" }
    }

    /// Whether a whole line is nothing but names ("Ana Lima and Joe Park", "Ana Lima (now)"),
    /// as an author line under a headline is; its names.
    static func nameLine(_ line: String) -> [String] {
        let text = removingParentheticals(line)
        guard PageLine.wordCount(text) <= 12, !text.contains(":") else { return [] }
        var pieces: [String] = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == "&" }) {
            pieces.append(contentsOf: String(part).components(separatedBy: " and "))
        }
        var names: [String] = []
        for piece in pieces {
            let words = piece.split(separator: " ").map(String.init)
            // Each piece is a name of two to four words, optionally "in <Place>".
            var nameWords = words
            if let at = words.firstIndex(of: "in"), at >= 2 { nameWords = Array(words[..<at]) }
            guard (2...4).contains(nameWords.count), nameWords.allSatisfy({ isNameWord($0) || particles.contains($0) }),
                  !nameWords.contains(where: { HeadlineFinder.interfaceWords.contains($0.lowercased()) || interfaceNouns.contains($0.lowercased()) }),
                  isNameWord(nameWords[0]), isNameWord(nameWords.last!),
                  !nameWords.contains(where: { notNames.contains($0.lowercased()) || MonthNames.month($0.lowercased()) != nil }) else { return [] }
            let name = nameWords.joined(separator: " ")
            if credits.contains(name.lowercased()) { return [] }
            names.append(name)
        }
        return names
    }

    static func removingParentheticals(_ text: String) -> String {
        var output = ""
        var depth = 0
        for character in text {
            if character == "(" || character == "[" { depth += 1; continue }
            if character == ")" || character == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { output.append(character) }
        }
        return PageLine.fold(output)
    }
}
