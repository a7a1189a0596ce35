import Testing
@testable import StandoffCore

/// The running topic as sentences are read in order: what the document is about, someone else's
/// talks set aside for a paragraph, and talks that could be either.
@Suite("Running topic")
struct RunningTopicTests {
    /// One sentence as the topic reads it, and whether it must come out on target.
    struct Step: Sendable {
        let reference: TargetDetector.Reference
        var parties: Set<Int> = []
        var namesThirdCountry = false
        let paragraph: Int
        var hasCue = false
        let onTarget: Bool
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let steps: [Step]
        var testDescription: String { name }
    }

    static let talks = [0..<5]

    static let cases: [Case] = [
        Case(name: "talks without parties are the target's once the document named them", steps: [
            Step(reference: .implied(talks, parties: []), paragraph: 0, onTarget: false),
            Step(reference: .named(talks), parties: [0, 1], paragraph: 0, onTarget: true),
            Step(reference: .implied(talks, parties: []), paragraph: 1, onTarget: true),
        ]),
        Case(name: "one party here and the other earlier in the document", steps: [
            Step(reference: .none, parties: [0], paragraph: 0, onTarget: false),
            Step(reference: .implied(talks, parties: [1]), parties: [1], paragraph: 1, onTarget: true),
        ]),
        Case(name: "someone else's talks hold for their paragraph only", steps: [
            Step(reference: .named(talks), parties: [0, 1], paragraph: 0, onTarget: true),
            Step(reference: .other, paragraph: 1, onTarget: false),
            Step(reference: .implied(talks, parties: []), paragraph: 1, onTarget: false),
            Step(reference: .implied(talks, parties: []), paragraph: 2, onTarget: true),
        ]),
        Case(name: "naming a party again, with no other country, returns to the document's topic", steps: [
            Step(reference: .named(talks), parties: [0, 1], paragraph: 0, onTarget: true),
            Step(reference: .other, paragraph: 1, onTarget: false),
            Step(reference: .none, parties: [0], namesThirdCountry: true, paragraph: 1, hasCue: true, onTarget: false),
            Step(reference: .none, parties: [0], paragraph: 1, hasCue: true, onTarget: true),
        ]),
        Case(name: "uncertain talks follow the topic", steps: [
            Step(reference: .uncertain(talks), paragraph: 0, onTarget: false),
            Step(reference: .named(talks), parties: [0, 1], paragraph: 1, onTarget: true),
            Step(reference: .uncertain(talks), paragraph: 1, onTarget: true),
        ]),
        Case(name: "a sentence without talks is on target only with a clear cue", steps: [
            Step(reference: .named(talks), parties: [0, 1], paragraph: 0, onTarget: true),
            Step(reference: .none, paragraph: 0, hasCue: false, onTarget: false),
            Step(reference: .none, paragraph: 0, hasCue: true, onTarget: true),
        ]),
    ]

    @Test(arguments: cases)
    func topicFollowsTheDocument(_ testCase: Case) {
        var topic = RunningTopic()
        for (index, step) in testCase.steps.enumerated() {
            let rule = topic.read(step.reference, parties: step.parties, namesThirdCountry: step.namesThirdCountry,
                                  paragraph: step.paragraph, hasCue: step.hasCue)
            #expect((rule != nil) == step.onTarget, "step \(index): expected \(step.onTarget ? "on" : "off") target, got \(rule?.id ?? "off")")
        }
    }
}
