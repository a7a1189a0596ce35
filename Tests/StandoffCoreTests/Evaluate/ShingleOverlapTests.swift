import Testing
@testable import StandoffCore

/// The body metric must equal the article-extraction benchmark's own script, or figures would
/// not compare with its published table.
@Suite("Shingle overlap")
struct ShingleOverlapTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let truth: String
        let output: String
        let tp: Double, fp: Double, fn: Double
        let precision: Double, recall: Double
        var testDescription: String { "\(truth.prefix(20)) / \(output.prefix(20))" }
    }

    static let cases: [Case] = [
        // Identical: every shingle shared.
        Case(truth: "one two three four five", output: "one two three four five", tp: 1, fp: 0, fn: 0, precision: 1, recall: 1),
        // Output a prefix: {1234, 2345} against {1234}.
        Case(truth: "one two three four five", output: "one two three four", tp: 0.5, fp: 0, fn: 0.5, precision: 1, recall: 0.5),
        // Extra menu words after the body: 2 shared of 2 + 3 extra.
        Case(truth: "one two three four five", output: "one two three four five Home News Sport", tp: 0.4, fp: 0.6, fn: 0, precision: 0.4, recall: 1),
        // Empty output: nothing found, recall 0.
        Case(truth: "one two three four", output: "", tp: 0, fp: 0, fn: 1, precision: 0, recall: 0),
        // Punctuation and white space are not tokens; case is kept.
        Case(truth: "One, two — three! four.", output: "One two\nthree   four", tp: 1, fp: 0, fn: 0, precision: 1, recall: 1),
        Case(truth: "One two three four", output: "one two three four", tp: 0, fp: 0.5, fn: 0.5, precision: 0, recall: 0),
        // Fewer than four tokens: the whole text is one shorter shingle.
        Case(truth: "just three words", output: "just three words", tp: 1, fp: 0, fn: 0, precision: 1, recall: 1),
        // Both empty: agreement.
        Case(truth: "", output: "", tp: 0, fp: 0, fn: 0, precision: 1, recall: 1),
    ]

    @Test(arguments: cases)
    func matchesTheBenchmark(_ example: Case) {
        let overlap = ShingleOverlap(truth: example.truth, output: example.output)
        #expect(abs(overlap.tp - example.tp) < 1e-9 && abs(overlap.fp - example.fp) < 1e-9 && abs(overlap.fn - example.fn) < 1e-9,
                "tp/fp/fn \(overlap.tp)/\(overlap.fp)/\(overlap.fn)")
        #expect(abs(overlap.precision - example.precision) < 1e-9)
        #expect(abs(overlap.recall - example.recall) < 1e-9)
    }

    /// Python's `\w`: letters of any script, numbers, `_`; combining marks and punctuation are not.
    @Test(arguments: [
        ("Hello, world_2!", ["Hello", "world_2"]),
        ("東京で会談。", ["東京で会談"]),
        ("Abe Shinzō", ["Abe", "Shinzō"]),
        ("e\u{301}te\u{301}", ["e", "te"]),
        ("½ and ٣", ["½", "and", "٣"]),
        ("🙂 emoji", ["emoji"]),
    ])
    func tokensArePythonWordRuns(_ text: String, _ expected: [String]) {
        #expect(ShingleOverlap.tokens(text).map(String.init) == expected)
    }
}
