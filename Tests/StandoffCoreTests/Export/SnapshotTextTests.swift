import Foundation
import Testing
@testable import StandoffCore
import StandoffTestSupport

@Suite("Snapshot text")
struct SnapshotTextTests {
    static let header = #"{"authors":[],"doc_id":"d1","kind":"document","n_paragraphs":1,"n_removed":2,"n_sentences":2,"publication":null,"published":null,"removed_by_reason":{"menu":1,"byline":1},"source_sha256":"00","stances":[{"label":"favor","n_against":0,"n_favor":1,"n_none":1,"target":"t"}],"title":"A title"}"#
    static let favor = #"{"kind":"sentence","mentions":[{"end":27,"entity_id":"japan","rule":"japan","start":22,"text":"Japan","type":"GPE"}],"paragraph":0,"sentence_id":"d1-s0000","source":"rule","stances":[{"cues":[{"end":10,"label":"favor","rule":"recommend-welcome","start":3,"text":"welcome"},{"end":16,"label":null,"rule":"target-named","start":11,"text":"talks"}],"holder":"author","label":"favor","rules":["target-named","recommend-welcome"],"score":3,"target":"t"}],"text":"We welcome talks with Japan."}"#
    static let quoted = #"{"kind":"sentence","mentions":[{"end":3,"entity_id":"kim-jong-un","rule":"kim","start":0,"text":"Kim","type":"PERSON"}],"paragraph":0,"sentence_id":"d1-s0001","source":"correction","stances":[{"cues":[],"holder":"kim-jong-un","label":"against","rules":[],"score":0,"target":"t"}],"text":"Kim said no. 🇯🇵"}"#

    static let cases: [(String, String, String)] = [
        ("the header", header, #"# d1 "A title" | t: favor (favor 1, against 0, none 1) | removed 2: byline 1, menu 1"#),
        ("label, mentions inline, cues on a line of their own", favor,
         "s0000 favor   We welcome talks with [Japan]GPE.\n              | cues: welcome=recommend-welcome:favor, talks=target-named"),
        ("a corrected sentence of a quoted speaker", quoted, "s0001 against (corrected) [said by kim-jong-un] [Kim]PERSON said no. 🇯🇵"),
        ("a line that is not a snapshot line", "not json", "not json"),
    ]

    @Test(arguments: cases)
    func rendersEachLineReadably(_ what: String, _ input: String, _ expected: String) {
        #expect(SnapshotText.render(input + "\n") == expected + "\n", "\(what)")
    }

    @Test func eachSnapshotLineRendersOnItsOwnLines() throws {
        let contents = [Self.header, Self.favor, Self.quoted].joined(separator: "\n") + "\n"
        #expect(SnapshotText.render(contents).split(separator: "\n").count == 4)
    }

    /// Long sentences and headers wrap between words, continuing under the text.
    @Test func longLinesWrapAtTheWidth() {
        let long = Self.favor.replacingOccurrences(of: "We welcome talks with Japan.",
                                                   with: "We welcome talks with Japan." + String(repeating: " and so on", count: 30))
        let lines = SnapshotText.render(long + "\n").split(separator: "\n")
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= SnapshotText.width })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: 14)) })
        #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ").contains("Japan]GPE. and so on and so on"))
    }

    /// The committed snapshot reads without scrolling sideways: no line wider than the width
    /// but for a single word that is.
    @Test func theCommittedSnapshotFitsTheWidth() throws {
        let folder = Repository.root.appendingPathComponent("annotations/documents")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }
        #expect(!files.isEmpty)
        for file in files {
            let rendered = SnapshotText.render(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            for line in rendered.split(separator: "\n") where line.count > SnapshotText.width {
                #expect(!line.trimmingCharacters(in: .whitespaces).contains(" "), "\(file): \(line)")
            }
        }
    }

    @Test func theSnapshotItselfEncodesToLinesTheTextConversionReads() throws {
        let document = ReportFixture.document
        let text = SnapshotText.render(SnapshotEncoding.encode(document, targets: ["t"]))
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("s0") }.count == document.sentences.count)
        let sentences = lines.filter { $0.hasPrefix("s0") }
        #expect(sentences[0].hasPrefix("s0000 favor   We welcome talks with [Japan]GPE."))
        #expect(sentences[1].contains("(corrected) [said by kim-jong-un"))
    }
}
