/// Month names as pages print them, in English and the other Latin-script languages news sites
/// commonly use, lowercased, with the month number. Abbreviations are listed only where they are
/// not also a common word in another of these languages ("ago", "set", "gen", "mag", "out" and "des" are left out).
enum MonthNames {
    /// Full names and abbreviations per language, January first.
    static let byLanguage: [(language: String, months: [[String]])] = [
        ("en", [["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
                ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"], ["december", "dec"]]),
        ("de", [["januar", "jänner", "jän"], ["februar", "feber"], ["märz", "mär", "maerz"], ["april"], ["mai"], ["juni"],
                ["juli"], ["august"], ["september"], ["oktober", "okt"], ["november"], ["dezember", "dez"]]),
        ("fr", [["janvier", "janv"], ["février", "fevrier", "févr", "fév"], ["mars"], ["avril", "avr"], ["mai"], ["juin"],
                ["juillet", "juil"], ["août", "aout"], ["septembre"], ["octobre"], ["novembre"], ["décembre", "decembre", "déc"]]),
        ("es", [["enero", "ene"], ["febrero"], ["marzo"], ["abril", "abr"], ["mayo"], ["junio"],
                ["julio"], ["agosto"], ["septiembre", "setiembre"], ["octubre"], ["noviembre"], ["diciembre", "dic"]]),
        ("it", [["gennaio"], ["febbraio"], ["marzo"], ["aprile"], ["maggio"], ["giugno", "giu"],
                ["luglio", "lug"], ["agosto"], ["settembre"], ["ottobre", "ott"], ["novembre"], ["dicembre"]]),
        ("pt", [["janeiro"], ["fevereiro", "fev"], ["março", "marco"], ["abril"], ["maio"], ["junho"],
                ["julho"], ["agosto"], ["setembro"], ["outubro"], ["novembro"], ["dezembro"]]),
        ("nl", [["januari"], ["februari"], ["maart", "mrt"], ["april"], ["mei"], ["juni"],
                ["juli"], ["augustus"], ["september"], ["oktober"], ["november"], ["december"]]),
        ("id", [["januari"], ["februari", "pebruari"], ["maret"], ["april"], ["mei"], ["juni"],
                ["juli"], ["agustus", "agu"], ["september"], ["oktober"], ["november", "nopember"], ["desember"]]),
        ("nordic", [["januar", "januari"], ["februar", "februari"], ["marts", "mars"], ["april"], ["maj"], ["juni"],
                    ["juli"], ["august", "augusti"], ["september"], ["oktober"], ["november"], ["december", "desember"]]),
    ]

    /// Every spelling, lowercased, to its month number (1–12).
    static let table: [String: Int] = {
        var table: [String: Int] = [:]
        for (_, months) in byLanguage {
            for (offset, names) in months.enumerated() {
                for name in names { table[name] = offset + 1 }
            }
        }
        return table
    }()

    /// The month `word` names, or `nil`.
    static func month(_ word: String) -> Int? { table[word] }
}
