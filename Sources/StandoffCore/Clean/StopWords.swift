/// General function words — articles, pronouns, prepositions, conjunctions, auxiliaries — of
/// English and the commonest other Latin-script languages of news pages.
///
/// Running prose is dense in them (about four words in ten in English); menus, headline lists,
/// tags and credits are not. That density is the main sign of prose that `Clean` reads off a
/// block of text, the idea of jusText's stop-word density. The list is of general language only,
/// never of any site's wording.
enum StopWords {
    /// The words, lower-cased.
    static let all: Set<String> = {
        let words = [english, spanish, portuguese, french, german, italian, dutch].joined(separator: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        // Contractions as typed ("it's") and as typeset ("it’s").
        return Set(words + words.filter { $0.contains("'") }.map { $0.replacingOccurrences(of: "'", with: "\u{2019}") })
    }()

    static let english = """
    a about above after again against all also am an and any are as at be because been before being \
    below between both but by can could did do does doing down during each few for from further had has \
    have having he her here hers herself him himself his how i if in into is it its itself just me more \
    most my myself no nor not now of off on once only or other our ours out over own same she should so \
    some such than that the their theirs them themselves then there these they this those through to too \
    under until up very was we were what when where which while who whom why will with would you your \
    yours yourself yourselves it's don't i'm he's she's that's there's we're they're isn't wasn't can't \
    won't didn't doesn't i've we've they've you're let's may might must shall upon since though although \
    whether yet among within without across around toward towards via per many much every another
    """
    static let spanish = """
    el la los las un una unos unas y o pero de del al en con por para sin sobre entre es son fue fueron \
    ser está están estaba era han ha había hay que se su sus lo le les nos como más muy ya también porque \
    cuando donde este esta estos estas ese esa eso todo todos sino ni mi tu
    """
    static let portuguese = """
    os as um uma uns umas e ou mas do da dos das no na nos nas em com por pelo pela para sem sobre entre \
    é são foi foram ser está estão era tem têm há que se seu sua seus suas lhe como mais muito já também \
    porque quando onde este esta isso isto todo todos não ao aos à às
    """
    static let french = """
    le la les un une des et ou mais de du au aux en dans avec par pour sans sur entre est sont était été \
    être a ont avait que qui se sa son ses leur leurs il elle ils elles nous vous on ce cette ces comme \
    plus très déjà aussi parce quand où tout tous ne pas
    """
    static let german = """
    der die das den dem des ein eine einen einem einer eines und oder aber von zu mit bei nach aus für \
    auf an in im am ist sind war waren wird werden wurde hat haben hatte dass sich sein seine ihr ihre er \
    sie es wir nicht auch noch nur wie als wenn schon sehr so
    """
    static let italian = """
    il lo gli una uno e o ma di del della dei delle da dal in nel nella con per su tra fra è sono era \
    erano essere ha hanno aveva che si suo sua suoi loro non come più molto già anche perché quando dove \
    questo questa tutto
    """
    static let dutch = """
    de het een en of maar van te met bij naar uit voor op aan in is zijn was waren wordt worden werd \
    heeft hebben had dat zich zijn haar hij zij wij niet ook nog wel als dan
    """

    /// How many of the words of `lowered` (already lower-cased and white-space folded) are
    /// function words, with punctuation around each word ignored.
    static func count(in lowered: String) -> Int {
        var text = lowered
        // On UTF-8 bytes: this runs over every line of every page, and character-by-character
        // trimming was a tenth of the stage. ASCII edges are trimmed here; a token with a
        // non-ASCII edge (“quoted”, an accented letter) takes the general path.
        return text.withUTF8 { bytes in
            var count = 0
            var index = 0
            while index < bytes.count {
                while index < bytes.count && bytes[index] == 0x20 { index += 1 }
                var end = index
                while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                defer { index = end }
                // Function words are short; a long token is never one, and skipping it saves a lookup.
                guard end > index, end - index <= 12 else { continue }
                var first = index, last = end
                while first < last, bytes[first] < 0x80, !isASCIILetterOrDigit(bytes[first]) { first += 1 }
                while last > first, bytes[last - 1] < 0x80, !isASCIILetterOrDigit(bytes[last - 1]) { last -= 1 }
                guard last > first else { continue }
                let word: String
                if bytes[first] >= 0x80 || bytes[last - 1] >= 0x80 {
                    word = String(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)[...].trimmingPunctuation())
                } else {
                    word = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
                }
                if !word.isEmpty && shapes.mayContain(word) && all.contains(word) { count += 1 }
            }
            return count
        }
    }

    /// First byte and length of every word, to rule most tokens out before hashing.
    static let shapes = WordShapes(all)

    @inline(__always)
    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}

extension Substring {
    /// The token without quotes, brackets and punctuation at either end.
    func trimmingPunctuation() -> Substring {
        var start = startIndex
        var end = endIndex
        while start < end, !(self[start].isLetter || self[start].isNumber) { start = index(after: start) }
        while end > start, !(self[index(before: end)].isLetter || self[index(before: end)].isNumber) { end = index(before: end) }
        return self[start..<end]
    }
}
