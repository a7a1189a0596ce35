/// What a document is talking about, sentence by sentence, for one target: the memory that lets
/// `the summit`, `such a meeting`, `talks` or a cue with no talks named (`It would be folly.`)
/// refer to the target's talks once the article is about them.
///
/// - A sentence that names the target's talks makes the document about them.
/// - Talks named with one party only (`a summit with Kim`) are the target's when the document
///   has already named the other party; then the document is about them too.
/// - Someone else's talks (`U.S.-North Korea talks`) set the topic aside until the paragraph
///   ends, or until a sentence names one of the target's parties again, and no other country nor any talks; the
///   next paragraph returns to what the document is about. Talks that could be either
///   (``TargetDetector/Reference/uncertain(_:)``) follow the topic.
/// - Talks named without parties are on target while the topic is; so is a sentence that names
///   no talks but holds a clear cue (weight ``clearWeight`` or more): a weak word (`supported`,
///   `for resolving`) with no talks in sight may be about anything.
struct RunningTopic: Sendable {
    /// The weight a cue needs to put a sentence that names no talks on target.
    static let clearWeight = 2

    /// Whether some sentence so far named the target's talks.
    private(set) var documentIsAbout = false
    /// The paragraph in which someone else's talks were last named, while it lasts.
    private(set) var otherTalksIn: Int?
    /// The target's parties the document has named so far, venues aside.
    private(set) var partiesNamed: Set<Int> = []

    /// Whether the target is the topic in `paragraph`.
    func isTarget(in paragraph: Int) -> Bool {
        documentIsAbout && otherTalksIn != paragraph
    }

    /// Reads one sentence's reference in order; returns the target rule that puts it on target
    /// (with its spans), or `nil` when it is off target. `hasCue` (whether the sentence holds a
    /// clear favor or against cue) is asked only of a sentence that names no talks while the
    /// target is the topic, since finding cues is costly.
    mutating func read(_ reference: TargetDetector.Reference, parties: Set<Int>, namesThirdCountry: Bool = false, paragraph: Int,
                       hasCue: @autoclosure () -> Bool) -> (id: String, spans: [Range<Int>])? {
        defer { partiesNamed.formUnion(parties) }
        if let other = otherTalksIn, other != paragraph { otherTalksIn = nil }
        switch reference {
        case let .named(spans):
            documentIsAbout = true
            otherTalksIn = nil
            return (TargetDetector.named.identifier, spans)
        case let .implied(spans, namedHere):
            // One party here and the other earlier in the document: the two parties' talks.
            if !namedHere.isEmpty && !partiesNamed.subtracting(namedHere).isEmpty {
                documentIsAbout = true
                otherTalksIn = nil
            }
            return isTarget(in: paragraph) ? (TargetDetector.implied.identifier, spans) : nil
        case let .uncertain(spans):
            if isTarget(in: paragraph) { return (TargetDetector.implied.identifier, spans) }
            otherTalksIn = paragraph
            return nil
        case .other:
            otherTalksIn = paragraph
            return nil
        case .none:
            // Naming one of the target's parties again, with no talks of anyone's, returns to the document's topic.
            if otherTalksIn == paragraph && !parties.isEmpty && !namesThirdCountry { otherTalksIn = nil }
            return isTarget(in: paragraph) && hasCue() ? (TargetDetector.running.identifier, []) : nil
        }
    }
}
