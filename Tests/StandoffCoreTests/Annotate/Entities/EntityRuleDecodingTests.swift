import Testing
@testable import StandoffCore

/// Bad gazetteer and pattern lines are rejected with the file, the line and what to fix.
@Suite("Entity rule decoding")
struct EntityRuleDecodingTests {
    static let goodPattern = #"{"id":"title-x","summary":"s","kind":"title","words":["Dr."],"match":["Dr. [Ana Lima] spoke."]}"#
    static let goodEntry = #"{"id":"japan","name":"Japan","type":"GPE","match":["[Japan] spoke."]}"#

    struct BadLine: CustomTestStringConvertible, Sendable {
        let line: String
        let reason: String
        var testDescription: String { reason }
    }

    static let badEntries: [BadLine] = [
        BadLine(line: #"{"id":"Japan","name":"Japan","type":"GPE","match":["Japan"]}"#, reason: "'id' must be a slug"),
        BadLine(line: #"{"id":"nippon","name":"Nippon","type":"LOC","match":["Nippon"]}"#, reason: "type 'LOC' is not one of"),
        BadLine(line: #"{"id":"nippon","name":"Nippon","type":"GPE","match":[]}"#, reason: "add at least one 'match' example"),
        BadLine(line: #"{"id":"nippon","name":"Nippon","type":"GPE","match":["Nippon"],"no_mach":["x"]}"#, reason: "unknown key 'no_mach'"),
        BadLine(line: #"{"id":"nippon","type":"GPE","match":["Nippon"]}"#, reason: "missing key 'name'"),
        BadLine(line: #"{"id":"abe","name":"Shinzo Abe","type":"PERSON","family":"Ab","match":["Abe"]}"#, reason: "is not a word of the name"),
        BadLine(line: #"{"id":"abe","name":"Shinzo Abe","type":"PERSON","aliases":["Abe"],"family":"Abe","match":["Abe"]}"#, reason: "do not list it as an alias"),
        BadLine(line: #"{"id":"abe","name":"Shinzo Abe","type":"PERSON","gender":"m","match":["Abe"]}"#, reason: "gender 'm' must be"),
        BadLine(line: #"{"id":"un","name":"UN","type":"ORG","family":"UN","match":["UN"]}"#, reason: "'family' is for PERSON entries only"),
        BadLine(line: #"{"id":"un","name":"UN","type":"ORG","demonyms":["UNish"],"match":["UN"]}"#, reason: "'demonyms' belong on GPE entries"),
        BadLine(line: #"{"id":"un","name":"UN","type":"ORG","wikidata":"1065","match":["UN"]}"#, reason: "is not a Wikidata item"),
        BadLine(line: #"{"id":"link-surname","name":"UN","type":"ORG","match":["UN"]}"#, reason: "is the name of a linking rule"),
        BadLine(line: #"{"id":"nippon","name":"Nippon","type":"GPE","aliases":["Japan"],"match":["Japan"]}"#, reason: "'Japan' is also a name of 'japan' on line 1"),
        BadLine(line: #"{"id":"japan","name":"Nippon","type":"GPE","match":["Japan"]}"#, reason: "the id is already used on line 1"),
        BadLine(line: #"{"id":"osaka","name":"Osaka","type":"GPE","country":"nippon","match":["Osaka"]}"#, reason: "country 'nippon' is not the id of a GPE entry"),
        BadLine(line: #"{"id":"nhk","name":"NHK","type":"ORG","country":"nhk","match":["NHK"]}"#, reason: "country 'nhk' is not the id of a GPE entry"),
    ]

    @Test(arguments: badEntries)
    func badGazetteerLinesNameFileAndLine(_ bad: BadLine) {
        let contents = Self.goodEntry + "\n\n" + bad.line + "\n"
        do {
            _ = try EntityRules.decode(gazetteerFile: "rules/g.jsonl", gazetteer: contents, patternsFile: "rules/p.jsonl", patterns: Self.goodPattern)
            Issue.record("accepted a bad line")
        } catch let error as StandoffError {
            #expect(error.description.hasPrefix("rules/g.jsonl:3:"), "\(error.description)")
            #expect(error.description.contains(bad.reason), "\(error.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    static let badPatterns: [BadLine] = [
        BadLine(line: #"{"id":"x","summary":"s","kind":"prefix","words":["Dr."],"match":["a"]}"#, reason: "unknown kind 'prefix'"),
        BadLine(line: #"{"id":"x","summary":"s","kind":"head","words":["Institute"],"match":["a"]}"#, reason: "needs 'type' ORG, EVENT or GPE"),
        BadLine(line: #"{"id":"x","summary":"s","kind":"head","type":"ORG","words":["institute"],"match":["a"]}"#, reason: "must be one capitalised word"),
        BadLine(line: #"{"id":"x","summary":"s","kind":"title","type":"ORG","words":["Dr."],"match":["a"]}"#, reason: "a title line finds PERSON names"),
        BadLine(line: #"{"id":"x","summary":"s","kind":"title","words":[],"match":["a"]}"#, reason: "'words' is empty"),
        BadLine(line: #"{"id":"x","summary":"s","kind":"title","words":["Dr."],"connectors":["of"],"match":["a"]}"#, reason: "'connectors' are for head and appositive lines only"),
        BadLine(line: #"{"id":"x","summary":"s","kind":"title","words":["Dr."],"max_words":9,"match":["a"]}"#, reason: "'max_words' must be between 1 and 6"),
        BadLine(line: #"{"id":"title-x","summary":"s","kind":"title","words":["Dr."],"match":["a"]}"#, reason: "the id is already used on line 1"),
        BadLine(line: #"{"id":"japan","summary":"s","kind":"title","words":["Dr."],"match":["a"]}"#, reason: "is also a gazetteer entry's (rules/g.jsonl:1)"),
        BadLine(line: #"{"id":"x","summary":"s","kind":"title","words":["Dr."],"match":["a"],"example":"b"}"#, reason: "unknown key 'example'"),
    ]

    @Test(arguments: badPatterns)
    func badPatternLinesNameFileAndLine(_ bad: BadLine) {
        let contents = Self.goodPattern + "\n\n" + bad.line + "\n"
        do {
            _ = try EntityRules.decode(gazetteerFile: "rules/g.jsonl", gazetteer: Self.goodEntry, patternsFile: "rules/p.jsonl", patterns: contents)
            Issue.record("accepted a bad line")
        } catch let error as StandoffError {
            #expect(error.description.hasPrefix("rules/p.jsonl:3:"), "\(error.description)")
            #expect(error.description.contains(bad.reason), "\(error.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func theProjectFilesDecode() {
        #expect(EntityFixture.rules.patterns.lines.count >= 8)
        #expect(EntityFixture.rules.gazetteer.familyNames.contains("Kim"))
    }

    /// The files cover their ground: enough entries, every type, and the ids other rule sets rely on.
    @Test func theFilesCoverTheirGround() {
        let rules = EntityFixture.rules
        #expect(rules.gazetteer.entries.count >= 250)
        let types = Set(rules.gazetteer.entries.map(\.rule.type))
        #expect(types == Set(["PERSON", "GPE", "ORG", "EVENT"]), "NORP mentions come from GPE demonyms")
        for id in ["japan", "north-korea", "south-korea", "united-states", "china", "russia", "tokyo", "pyongyang", "seoul", "washington",
                   "beijing", "moscow", "kim-jong-un", "kim-yo-jong", "kim-jong-il", "fumio-kishida", "shinzo-abe", "junichiro-koizumi",
                   "donald-trump", "joe-biden", "moon-jae-in", "yoon-suk-yeol", "vladimir-putin", "xi-jinping", "yoshimasa-hayashi"] {
            #expect(rules.gazetteer.entry(id: id) != nil, "gazetteer lacks '\(id)'")
        }
    }
}
