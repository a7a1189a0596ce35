import Testing
@testable import StandoffCore

/// The annotator on sentences written for these tests, none taken from the corpus: matching,
/// patterns for names the gazetteer lacks, and linking within a document.
@Suite("Entity annotator")
struct EntityAnnotatorTests {
    /// A text and every mention it must get, as `text | type | id | rule`, in order.
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let mentions: [String]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // A speaker label in capitals and the same name in prose are one person; so is the given name.
        Case(text: "MARA QUILL: Good evening, I am Mara Quill. Mara, thanks.",
             mentions: ["MARA QUILL | PERSON | mara-quill | speaker-label", "Mara Quill | PERSON | mara-quill | speaker-label",
                        "Mara | PERSON | mara-quill | link-surname"]),
        // `the North` and `the South` name the Koreas; names in capitals match the gazetteer.
        Case(text: "Seoul urged the North to talk, and the North’s envoy said the South was hostile. TOKYO said Minister KAMIKAWA and KISHIDA Fumio agreed.",
             mentions: ["Seoul | GPE | seoul | seoul", "North | GPE | north-korea | article-north", "North | GPE | north-korea | article-north",
                        "South | GPE | south-korea | article-south", "TOKYO | GPE | tokyo | tokyo", "KAMIKAWA | PERSON | yoko-kamikawa | yoko-kamikawa",
                        "KISHIDA Fumio | PERSON | fumio-kishida | fumio-kishida"]),
        // Names by their shape: romanised Japanese, Korean with a hyphenated given name, Chinese in pinyin.
        // They count only where the document names the country (other languages use the same syllables).
        Case(text: "In Tokyo, Haruka Moriguchi of Tokai University disagreed; Moriguchi left. Seo Min-ji of Seoul and Zhang Weiming of Beijing spoke.",
             mentions: ["Tokyo | GPE | tokyo | tokyo", "Haruka Moriguchi | PERSON | haruka-moriguchi | romanised-japanese-name",
                        "Tokai University | ORG | tokai-university | org-head-word", "Moriguchi | PERSON | haruka-moriguchi | link-surname",
                        "Seo Min-ji | PERSON | seo-min-ji | korean-name", "Seoul | GPE | seoul | seoul",
                        "Zhang Weiming | PERSON | zhang-weiming | chinese-name", "Beijing | GPE | beijing | beijing"]),
        Case(text: "Haruka Moriguchi and Seo Min-ji met Zhang Weiming at the bank.", mentions: []),
        // A capitalised kinship word or a placeholder letter is no name; a relative in lower case is.
        Case(text: "The Sister Cities fund grew, and Mr. X left. His daughter Aiko Mori wrote, and Aiko replied.",
             mentions: ["Aiko Mori | PERSON | aiko-mori | title-kin", "Aiko | PERSON | aiko-mori | link-surname"]),
        // The same person by title and full name, then by family name alone.
        Case(text: "Foreign Minister Takeshi Iwaya said on Monday that Iwaya would travel to Seoul.",
             mentions: ["Takeshi Iwaya | PERSON | takeshi-iwaya | takeshi-iwaya", "Iwaya | PERSON | takeshi-iwaya | link-surname", "Seoul | GPE | seoul | seoul"]),
        // A person the gazetteer lacks: found by the title, the title left out, linked afterwards.
        Case(text: "Defense Minister Aiko Tanabe met reporters. Tanabe said the drills would go on. Minister Tanabe left.",
             mentions: ["Aiko Tanabe | PERSON | aiko-tanabe | title-official", "Tanabe | PERSON | aiko-tanabe | link-surname",
                        "Tanabe | PERSON | aiko-tanabe | link-title-surname"]),
        // Korean name order: the family name comes first when the given name is hyphenated.
        Case(text: "Col. Park Min-soo told Yonhap the drills would continue. Park said the army was ready.",
             mentions: ["Park Min-soo | PERSON | park-min-soo | title-military", "Yonhap | ORG | yonhap | yonhap", "Park | PERSON | park-min-soo | link-surname"]),
        // Western order of a gazetteer name written family name first there, and a middle initial.
        Case(text: "Ambassador Jin Park met Secretary Marco A. Rubio.",
             mentions: ["Jin Park | PERSON | park-jin | title-official", "Marco A. Rubio | PERSON | marco-rubio | title-official"]),
        // The sister and the brother: a female honorific picks her out, a role title him.
        Case(text: "Kim Jong Un and Kim Yo-jong arrived. Ms. Kim spoke first. Chairman Kim spoke next. Kim’s aides left.",
             mentions: ["Kim Jong Un | PERSON | kim-jong-un | kim-jong-un", "Kim Yo-jong | PERSON | kim-yo-jong | kim-yo-jong",
                        "Kim | PERSON | kim-yo-jong | link-title-surname", "Kim | PERSON | kim-jong-un | link-title-surname",
                        "Kim | PERSON | kim-jong-un | link-surname"]),
        // A running bare name keeps the person it first meant after a namesake appears.
        Case(text: "Kim Jong Un fired a missile. Kim then met Putin. Kim Yo-jong issued a statement. Kim said more tests would follow.",
             mentions: ["Kim Jong Un | PERSON | kim-jong-un | kim-jong-un", "Kim | PERSON | kim-jong-un | link-surname",
                        "Putin | PERSON | vladimir-putin | vladimir-putin", "Kim Yo-jong | PERSON | kim-yo-jong | kim-yo-jong",
                        "Kim | PERSON | kim-jong-un | link-surname"]),
        // A bare name before its full name links forward; a unique family name resolves from the gazetteer.
        Case(text: "Moon said little. Later, Moon Jae-in met Suga.",
             mentions: ["Moon | PERSON | moon-jae-in | link-surname", "Moon Jae-in | PERSON | moon-jae-in | moon-jae-in",
                        "Suga | PERSON | yoshihide-suga | yoshihide-suga"]),
        // Hyphenated compounds give one mention per part, en dash too; possessives stay outside.
        Case(text: "The U.S.-North Korea talks and the US-Japan alliance shaped the Abe–Trump summit and Japan's role.",
             mentions: ["U.S. | GPE | united-states | united-states", "North Korea | GPE | north-korea | north-korea",
                        "US | GPE | united-states | united-states", "Japan | GPE | japan | japan",
                        "Abe | PERSON | shinzo-abe | shinzo-abe", "Trump | PERSON | donald-trump | donald-trump", "Japan | GPE | japan | japan"]),
        // Token boundaries: no name inside a longer word or in lower case.
        Case(text: "Abenomics, a USB drive and the moon let us down; kimchi and Trumpism too.", mentions: []),
        // A hyphenated compound of names gives one mention per part, the declaration its own.
        Case(text: "Both cited the Japan-DPRK Pyongyang Declaration and the six-party talks.",
             mentions: ["Japan | GPE | japan | japan", "DPRK | GPE | north-korea | north-korea", "Pyongyang Declaration | EVENT | pyongyang-declaration | pyongyang-declaration",
                        "six-party talks | EVENT | six-party-talks | six-party-talks"]),
        // Head words: an institute with its tail, a university, a forum; the article stays outside.
        Case(text: "The Hanover Institute for Peace and Keio University co-hosted the Jeju Peace Forum.",
             mentions: ["Hanover Institute for Peace | ORG | hanover-institute-for-peace | org-head-word",
                        "Keio University | ORG | keio-university | org-head-word", "Jeju Peace Forum | ORG | jeju-peace-forum | org-head-word"]),
        // Nationalities take the country's id; a longer name containing one wins.
        Case(text: "North Korean and South Korean officials met the Korean Central News Agency's Japanese readers.",
             mentions: ["North Korean | NORP | north-korea | north-korea", "South Korean | NORP | south-korea | south-korea",
                        "Korean Central News Agency | ORG | korean-central-news-agency | korean-central-news-agency", "Japanese | NORP | japan | japan"]),
        // A title before another entity's name is no person; a man is not 'Ms.'.
        Case(text: "The leader Japan trusts met Mr. Takaichi.",
             mentions: ["Japan | GPE | japan | japan", "Takaichi | PERSON | takaichi | title-honorific-male"]),
        // A role title narrows the gazetteer: the foreign minister Park, not the president.
        Case(text: "Foreign Minister Park met Hayashi.",
             mentions: ["Park | PERSON | park-jin | park-jin", "Hayashi | PERSON | yoshimasa-hayashi | yoshimasa-hayashi"]),
    ]

    @Test(arguments: cases)
    func mentions(_ example: Case) {
        for prefix in ["", "👍🏽 "] {
            let document = EntityFixture.document(prefix + example.text)
            let (mentions, _) = EntityFixture.annotate(document)
            #expect(EntityFixture.contractViolations(mentions, in: document).isEmpty, "\(EntityFixture.contractViolations(mentions, in: document))")
            #expect(mentions.map { [$0.text, $0.type, $0.entityID, $0.rule].joined(separator: " | ") } == example.mentions)
        }
    }

    /// Capitals used for governments, nationals and leaders carry their country; entities of no
    /// one country and names only a pattern found carry none.
    @Test func mentionsCarryTheCountryTheyStandFor() {
        let document = EntityFixture.document(
            "Tokyo has dropped its preconditions, Japanese officials said, and Pyongyang welcomed Kishida's offer. " +
            "The UN and Dr. Dana Okafor of the Hanover Institute stayed silent; Kim Jong Un did not.")
        let (mentions, _) = EntityFixture.annotate(document)
        let countries = mentions.map { "\($0.text) → \($0.country ?? "-")" }
        #expect(countries == ["Tokyo → japan", "Japanese → japan", "Pyongyang → north-korea", "Kishida → japan",
                              "UN → -", "Dana Okafor → -", "Hanover Institute → -", "Kim Jong Un → north-korea"])
    }

    @Test func anAmbiguousBareNameKeepsItsOwnIDAndWarns() {
        let document = EntityFixture.document("Analysts expect more tests. Kim said the talks were over.", id: "doc7")
        let (mentions, diagnostics) = EntityFixture.annotate(document)
        #expect(mentions.map(\.entityID) == ["kim"])
        #expect(mentions.first?.rule == EntityLinker.unresolvedRule)
        #expect(mentions.first?.type == "PERSON")
        #expect(diagnostics.count == 1)
        let warning = diagnostics.first
        #expect(warning?.severity == .warning)
        #expect(warning?.stage == "annotate")
        #expect(warning?.code == "ambiguous-name")
        #expect(warning?.location == "doc7/doc7-s0001")
        #expect(warning?.message.contains("kim-jong-un") == true)
        #expect(warning?.message.contains("kim-yo-jong") == true)
    }

    @Test func aNameOnlyAPatternFindsHasTheSameIDInEveryDocument() {
        let first = EntityFixture.annotate(EntityFixture.document("Gen. Dana Okafor briefed reporters in Seoul.", id: "a")).mentions
        let second = EntityFixture.annotate(EntityFixture.document("Reporters in Tokyo heard from Dr. Dana Okafor. Okafor was brief.", id: "b")).mentions
        let ids = (first + second).filter { $0.type == "PERSON" }.map(\.entityID)
        #expect(ids == ["dana-okafor", "dana-okafor", "dana-okafor"])
        #expect(first.first { $0.type == "PERSON" }?.entityName == "Dana Okafor")
    }

    @Test func mentionsAreSortedNonOverlappingAndInsideSentences() {
        let text = "Prime Minister Kishida Fumio met President Yoon Suk Yeol and Chairman Kim Jong-un's envoy in Hanoi. " +
            "The Japan Self-Defense Force (JSDF) and the Republic of Korea Navy trained near the DMZ. " +
            "Ms. Kim, Mr. Kim and Dr. Kim disagreed about the U.S.-ROK-Japan trilateral."
        let document = EntityFixture.document(text)
        let (mentions, _) = EntityFixture.annotate(document)
        #expect(mentions.count >= 12)
        #expect(EntityFixture.contractViolations(mentions, in: document).isEmpty, "\(EntityFixture.contractViolations(mentions, in: document))")
    }
}
