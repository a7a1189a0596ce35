import Foundation

/// Scalar-level normalisation shared by the gazetteer, the matcher and the patterns, so a name
/// written in a rule file and the same name in an article fold to the same key.
///
/// Folding keeps one scalar per scalar, so an offset in the folded text is an offset in the
/// original: hyphens and en dashes become a space (`Kim Jong-un` = `Kim Jong Un`), curly
/// apostrophes become `'`, white space becomes a space, and letters may be lower-cased.
enum EntityText {
    /// A scalar folded for matching; `lowercase` also folds letter case.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar, lowercase: Bool) -> Unicode.Scalar {
        let value = scalar.value
        if value < 128 {
            if lowercase, value >= 65, value <= 90 { return Unicode.Scalar(value + 32)! }
            // Hyphen-minus and control white space fold to a space; everything else is kept.
            if value == 45 || value == 9 || value == 10 || value == 13 { return " " }
            return scalar
        }
        switch value {
        case 0x2010, 0x2011, 0x2012, 0x2013, 0xA0, 0x2007, 0x202F:
            return " "
        case 0x2018, 0x2019, 0x02BC:
            return "'"
        default:
            guard lowercase, scalar.properties.changesWhenLowercased else { return scalar }
            // Only one-to-one mappings, so folded offsets stay original offsets.
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first! : scalar
        }
    }

    /// Whether a scalar belongs to a word (letters, digits, combining marks); token boundaries are
    /// wherever a word scalar meets a non-word scalar.
    @inline(__always)
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 {
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether a scalar is an upper-case letter (the start of a capitalised word).
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return value >= 65 && value <= 90 }
        return scalar.properties.isUppercase
    }

    /// Whether a scalar is a letter (not a digit or a mark).
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 128 { return (value >= 65 && value <= 90) || (value >= 97 && value <= 122) }
        return scalar.properties.isAlphabetic
    }

    /// A name written in capitals in title case (`DANA REYES` → `Dana Reyes`, `O'NEIL` → `O'neil`),
    /// so that a transcript's speaker label and the name in prose are one person; other text as it is.
    static func nameCase(_ text: String) -> String {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        guard letters.count > 1, letters.allSatisfy({ isUppercase($0) }) else { return text }
        var result = ""
        var startOfWord = true
        for character in text {
            if character.isLetter {
                result += startOfWord ? String(character) : character.lowercased()
                startOfWord = false
            } else {
                result.append(character)
                startOfWord = character == " " || character == "-"
            }
        }
        return result
    }

    /// Whether a scalar joins the parts of a hyphenated word (`Seong-chang`).
    @inline(__always)
    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 45, 0x2010, 0x2011: return true
        default: return false
        }
    }

    /// Whether `scalars` has a hyphen at `offset`.
    @inline(__always)
    static func isHyphenAt(_ offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        offset >= 0 && offset < scalars.count && isHyphen(scalars[offset])
    }

    /// Whether a scalar is an apostrophe, straight or curly.
    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 39 || scalar.value == 0x2019 || scalar.value == 0x02BC
    }

    /// A rule-file string folded into matching scalars, runs of spaces collapsed and trimmed:
    /// `folded` ignores case, `exact` keeps it (for entries that match case-sensitively).
    static func key(_ text: String) -> (folded: [Unicode.Scalar], exact: [Unicode.Scalar]) {
        var folded: [Unicode.Scalar] = []
        var exact: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            let plain = fold(scalar, lowercase: false)
            if plain == " " && (exact.isEmpty || exact.last == " ") { continue }
            exact.append(plain)
            folded.append(fold(scalar, lowercase: true))
        }
        while exact.last == " " {
            exact.removeLast()
            folded.removeLast()
        }
        return (folded, exact)
    }

    /// A readable, stable id made from a name: lower case, diacritics dropped, every run of
    /// other characters one hyphen (`J. Berkshire Miller` → `j-berkshire-miller`).
    static func slug(_ text: String) -> String {
        let plain = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in plain.unicodeScalars {
            // Apostrophes vanish rather than split: `Workers' Party` → `workers-party`.
            if isApostrophe(scalar) { continue }
            if isWord(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// A title reduced for comparing roles: lower case, dots dropped, hyphens as spaces, and a
    /// plural `s` taken off a long last word (`Presidents` → `president`, `Ms.` → `ms`).
    static func roleKey(_ title: String) -> String {
        var words = title.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2010}" })
            .map { String($0.filter { $0 != "." }) }
        if let last = words.last, last.count > 4, last.hasSuffix("s"), !last.hasSuffix("ss") {
            words[words.count - 1] = String(last.dropLast())
        }
        return words.joined(separator: " ")
    }

    /// Whether `id` is a slug: lower-case letters and digits in groups joined by single hyphens.
    static func isSlug(_ id: String) -> Bool {
        guard !id.isEmpty, !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57) || $0 == "-" }
    }

    /// The text of `scalars[range]`.
    static func string<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
