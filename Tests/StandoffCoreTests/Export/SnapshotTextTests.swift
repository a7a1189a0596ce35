import Testing
@testable import StandoffCore

@Suite("Snapshot text")
struct SnapshotTextTests {
    static let header = #"{"authors":[],"doc_id":"d1","kind":"document","n_paragraphs":1,"n_removed":2,"n_sentences":2,"publication":null,"published":null,"removed_by_reason":{"menu":1,"byline":1},"source_sha256":"00","stances":[{"label":"favor","n_against":0,"n_favor":1,"n_none":1,"target":"t"}],"title":"A title"}"#
    static let favor = #"{"kind":"sentence","mentions":[{"end":27,"entity_id":"japan","rule":"japan","start":22,"text":"Japan","type":"GPE"}],"paragraph":0,"sentence_id":"d1-s0000","source":"rule","stances":[{"cues":[{"end":10,"label":"favor","rule":"recommend-welcome","start":3,"text":"welcome"},{"end":16,"label":null,"rule":"target-named","start":11,"text":"talks"}],"holder":"author","label":"favor","rules":["target-named","recommend-welcome"],"score":3,"target":"t"}],"text":"We welcome talks with Japan."}"#
    static let quoted = #"{"kind":"sentence","mentions":[{"end":3,"entity_id":"kim-jong-un","rule":"kim","start":0,"text":"Kim","type":"PERSON"}],"paragraph":0,"sentence_id":"d1-s0001","source":"correction","stances":[{"cues":[],"holder":"kim-jong-un","label":"against","rules":[],"score":0,"target":"t"}],"text":"Kim said no. 🇯🇵"}"#

    static let cases: [(String, String, String)] = [
        ("the header", header, #"# d1 "A title" | t: favor (favor 1, against 0, none 1) | removed 2: byline 1, menu 1"#),
        ("label, mentions inline, cues last", favor, "s0000 favor   We welcome talks with [Japan]GPE. | cues: welcome=recommend-welcome:favor, talks=target-named"),
        ("a corrected sentence of a quoted speaker", quoted, "s0001 against (corrected) [said by kim-jong-un] [Kim]PERSON said no. 🇯🇵"),
        ("a line that is not a snapshot line", "not json", "not json"),
    ]

    @Test(arguments: cases)
    func rendersEachLineReadably(_ what: String, _ input: String, _ expected: String) {
        #expect(SnapshotText.render(input + "\n") == expected + "\n", "\(what)")
    }

    @Test func theCommittedSnapshotRendersOneLinePerLine() throws {
        let contents = [Self.header, Self.favor, Self.quoted].joined(separator: "\n") + "\n"
        #expect(SnapshotText.render(contents).split(separator: "\n").count == 3)
    }

    @Test func theSnapshotItselfEncodesToLinesTheTextConversionReads() throws {
        let document = ReportFixture.document
        let text = SnapshotText.render(SnapshotEncoding.encode(document, targets: ["t"]))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 + document.sentences.count)
        #expect(lines[1].hasPrefix("s0000 favor   We welcome talks with [Japan]GPE."))
        #expect(lines[2].contains("(corrected) [said by kim-jong-un"))
    }
}
