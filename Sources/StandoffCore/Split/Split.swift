/// Divides the cleaned body into sentences, never across a paragraph boundary.
///
/// Reads: `paragraphs`, `text`. Assigns: `sentences`, with code-point offsets into `text`.
public struct Split: Stage {
    public static let description = StageDescription(
        identifier: "split",
        summary: "Split each paragraph into sentences (abbreviations, initials, decimals, ellipses and closing quotes handled) with code-point offsets into the cleaned text.",
        requires: [.body],
        assigns: [.sentences],
        examples: [
            StageExample(input: "Dr. Ana Lima met U.S. officials at 3 p.m. on Monday. It went well.",
                         output: "[\"Dr. Ana Lima met U.S. officials at 3 p.m. on Monday.\", \"It went well.\"]"),
            StageExample(input: "“We will meet again,” said Ms. Park. “Soon.”",
                         output: "[\"“We will meet again,” said Ms. Park.\", \"“Soon.”\"]"),
        ]
    )

    /// The rule-based splitter with its abbreviation lexicon.
    public let splitter: SentenceSplitter

    /// Creates the stage.
    public init(splitter: SentenceSplitter) {
        self.splitter = splitter
    }

    public func apply(to document: inout Document, diagnostics: inout [Diagnostic]) throws {
        var sentences: [Sentence] = []
        for (number, paragraph) in document.paragraphs.enumerated() {
            // Sentence texts are cut from the paragraph's UTF-8 bytes; rebuilding each from
            // scalars was most of this stage's time.
            let offsets = ScalarOffsets(paragraph.text)
            for range in splitter.split(paragraph.text) {
                sentences.append(Sentence(index: sentences.count, paragraph: number,
                                          start: paragraph.start + range.lowerBound,
                                          end: paragraph.start + range.upperBound,
                                          text: offsets.string(range)))
            }
        }
        document.sentences = sentences
    }

    /// Sentences of free text, for `standoff split --stdin`: paragraphs are separated by blank
    /// lines, offsets are code points into `text` as given.
    public func sentences(in text: String) -> [(start: Int, end: Int, text: String)] {
        let offsets = ScalarOffsets(text)
        return splitter.split(text).map { range in (range.lowerBound, range.upperBound, offsets.string(range)) }
    }
}
