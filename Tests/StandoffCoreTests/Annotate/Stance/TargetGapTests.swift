import Foundation
import Testing
@testable import StandoffCore

@Suite("Target gaps")
struct TargetGapTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let gap: String
        let left: Bool
        let right: Bool
        let joiner: Bool
        var testDescription: String { "'\(gap)'" }
    }

    static let cases: [Case] = [
        Case(gap: " ", left: true, right: true, joiner: false),
        Case(gap: "", left: false, right: false, joiner: false),
        Case(gap: "’s ", left: true, right: false, joiner: false),
        Case(gap: "'s", left: true, right: false, joiner: false),
        Case(gap: "’s attempts to ", left: true, right: false, joiner: false),
        Case(gap: "’s attempts to talk ", left: false, right: false, joiner: false),
        Case(gap: " denuclearization ", left: true, right: false, joiner: false),
        Case(gap: " high-level ", left: true, right: false, joiner: false),
        Case(gap: " Denuclearization ", left: false, right: false, joiner: false),
        Case(gap: " with ", left: true, right: true, joiner: false),
        Case(gap: " between the ", left: false, right: true, joiner: false),
        Case(gap: " towards the minéral ", left: false, right: true, joiner: false),
        Case(gap: " to the Élysée ", left: false, right: false, joiner: false),
        Case(gap: " with the two ", left: false, right: true, joiner: false),
        Case(gap: " with the two new ", left: false, right: false, joiner: false),
        Case(gap: " and ", left: true, right: true, joiner: true),
        Case(gap: ", and ", left: false, right: false, joiner: true),
        Case(gap: "-", left: false, right: false, joiner: true),
        Case(gap: " – ", left: false, right: false, joiner: true),
        Case(gap: "/ ", left: false, right: false, joiner: true),
        Case(gap: "--", left: false, right: false, joiner: false),
        Case(gap: ", ", left: false, right: false, joiner: false),
        // `$` also matches before a line terminator that ends the text.
        Case(gap: " \n", left: true, right: true, joiner: false),
        Case(gap: "-\r\n", left: false, right: false, joiner: true),
        Case(gap: "- \n\n", left: false, right: false, joiner: false),
        Case(gap: " \u{2028}", left: true, right: true, joiner: false),
    ]

    @Test(arguments: cases)
    func gapsJoinAsThePatternsSay(_ testCase: Case) {
        let scalars = Array(testCase.gap.unicodeScalars)[...]
        #expect(TargetDetector.Gap.isLeft(scalars) == testCase.left)
        #expect(TargetDetector.Gap.isRight(scalars) == testCase.right)
        #expect(TargetDetector.Gap.isJoiner(scalars) == testCase.joiner)
    }

    /// The written-out tests agree with the regular expressions that define them, on gaps built
    /// from the pieces the patterns care about.
    @Test func agreeWithTheirRegularExpressions() throws {
        let left = try SendableRegex(TargetDetector.Gap.leftPattern, caseSensitive: true)
        let right = try SendableRegex(TargetDetector.Gap.rightPattern, caseSensitive: true)
        let joiner = try SendableRegex(TargetDetector.Gap.joinerPattern, caseSensitive: true)
        let pieces = [" ", " ", "'s", "’s", "s", "a", "talk", "x-y", "-", "–", "/", ",", "and", "with", "to", "towards", "É", "é", "ß",
                      "Kim", "2", "\n", "\r", "\r\n", "\u{85}", "\u{2029}", "👍", "\u{301}"]
        var generator = LiteralFinderTests.SplitMix(seed: 11)
        for _ in 0..<20_000 {
            let gap = (0..<generator.next(below: 7)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            let scalars = Array(gap.unicodeScalars)[...]
            let bridged = NSString(string: gap)
            #expect(TargetDetector.Gap.isLeft(scalars) == left.firstMatch(in: bridged, group: nil).matched, "left \(gap.debugDescription)")
            #expect(TargetDetector.Gap.isRight(scalars) == right.firstMatch(in: bridged, group: nil).matched, "right \(gap.debugDescription)")
            #expect(TargetDetector.Gap.isJoiner(scalars) == joiner.firstMatch(in: bridged, group: nil).matched, "joiner \(gap.debugDescription)")
        }
    }
}
