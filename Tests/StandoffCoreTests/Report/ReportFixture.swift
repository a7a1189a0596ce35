@testable import StandoffCore

/// A small hand-made document for the report tests: two paragraphs between removed lines, a
/// favor sentence by the author with a cue and a mention the topic cue overlaps, and a corrected
/// against sentence of a quoted speaker whose text is hostile markup.
enum ReportFixture {
    static let first = "We welcome talks with Japan."
    static let hostile = "\"><img src=x onerror=alert(1)> wrote <script>alert(1)</script> says Kim."
    static let second = "Nothing else."

    static var context: ReportContext {
        ReportContext(stanceRules: ["recommend-welcome": .init(kind: "favor cue", weight: 3, summary: "A welcome of talks."),
                                    "target-named": .init(kind: "target")],
                      reasons: ["menu": "Navigation <menus>."], targets: ["t"])
    }

    static var document: Document {
        var document = Document(id: "doc \"1\"", sourceFile: "raw/doc.txt", rawBytes: [])
        document.metadata = DocumentMetadata(title: "<b>Title</b> & more", authors: ["A. Writer"], publication: "Outlet", published: "2024-01-02")
        let gap = " "
        let paragraphOne = first + gap + hostile
        document.text = paragraphOne + "\n\n" + second
        let secondStart = paragraphOne.unicodeScalars.count + 2
        document.paragraphs = [
            Paragraph(text: paragraphOne, start: 0, end: paragraphOne.unicodeScalars.count, lines: [3]),
            Paragraph(text: second, start: secondStart, end: secondStart + second.unicodeScalars.count, lines: [5, 6]),
        ]
        let hostileStart = first.unicodeScalars.count + 1
        document.sentences = [
            Sentence(index: 0, paragraph: 0, start: 0, end: first.unicodeScalars.count, text: first),
            Sentence(index: 1, paragraph: 0, start: hostileStart, end: hostileStart + hostile.unicodeScalars.count, text: hostile),
            Sentence(index: 2, paragraph: 1, start: secondStart, end: secondStart + second.unicodeScalars.count, text: second),
        ]
        var japan = Mention(sentenceIndex: 0, start: 22, end: 27, text: "Japan", type: "GPE", entityID: "japan", entityName: "Japan", rule: "japan")
        japan.country = "japan"
        let kimStart = hostileStart + hostile.unicodeScalars.count - 4
        var kim = Mention(sentenceIndex: 1, start: kimStart, end: kimStart + 3, text: "Kim", type: "PERSON", entityID: "kim-jong-un", entityName: "Kim Jong Un", rule: "link-surname")
        kim.source = "correction"
        document.mentions = [japan, kim]
        document.stances = [
            Stance(sentenceIndex: 0, target: "t", label: "favor", holder: "author", rules: ["target-named", "recommend-welcome"],
                   cues: [StanceCue(start: 3, end: 10, text: "welcome", rule: "recommend-welcome", label: "favor"),
                          StanceCue(start: 11, end: 27, text: "talks with Japan", rule: "target-named", label: nil)], score: 3),
            Stance(sentenceIndex: 1, target: "t", label: "against", holder: "kim-jong-un\"><b>", rules: [], source: "correction"),
            Stance(sentenceIndex: 2, target: "t", label: "none", holder: "author", rules: []),
        ]
        document.correctedSentences = [1]
        document.removed = [
            RemovedLine(line: 7, text: "Footer", reason: "after-body"),
            RemovedLine(line: 1, text: "Menu <script>alert(1)</script>", reason: "menu"),
            RemovedLine(line: 4, text: "Subscribe", reason: "subscription-prompt"),
        ]
        return document
    }
}
