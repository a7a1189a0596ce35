import Testing
@testable import StandoffCore

/// Sentences written for these tests, not taken from any article, in a short document that
/// mentions Japan and North Korea: the rules must generalise beyond the corpus they were written with.
@Suite("Stance on unseen text")
struct StanceUnseenTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let label: String
        var holder = "author"
        var testDescription: String { "\(label): \(text)" }
    }

    static let cases: [Case] = [
        // The three sentences the issue asks for.
        Case(text: "Tokyo should seize the chance to meet Kim.", label: "favor"),
        Case(text: "Talks would only reward Pyongyang.", label: "against"),
        Case(text: "A summit looks unlikely this year.", label: "none"),
        // More, in the same spirit.
        Case(text: "Japan’s leaders must not squander this opening for dialogue with Pyongyang.", label: "favor"),
        Case(text: "Objections to a Kishida-Kim meeting are largely exaggerated.", label: "favor"),
        Case(text: "Sitting down with Kim Jong Un would be a serious mistake for Tokyo.", label: "against"),
        Case(text: "Tokyo must avoid any summit with Pyongyang until the abductees come home.", label: "against"),
        Case(text: "Negotiations with Pyongyang may be frustrating, but they are worth pursuing.", label: "favor"),
        Case(text: "A meeting with Kim is not worth attempting while the missiles keep flying.", label: "against"),
        Case(text: "It remains uncertain whether Tokyo and Pyongyang will ever hold talks.", label: "none"),
        Case(text: "Is a summit with Pyongyang really worth attempting?", label: "none"),
        Case(text: "The talks took place in a hotel near the border.", label: "none"),
        Case(text: "“Talks with Tokyo would be pointless,” said Choe Son-hui.", label: "against", holder: "choe-son-hui"),
        Case(text: "According to Kyodo News, the prime minister wants to pursue talks with Pyongyang.", label: "favor", holder: "kyodo-news"),
        Case(text: "Beijing and Moscow should welcome talks with each other.", label: "none"),
        // Evaluative and argumentative language, frames and unnamed sources.
        Case(text: "Going to Pyongyang now would be folly.", label: "against"),
        Case(text: "Such a meeting would only legitimise the regime.", label: "against"),
        Case(text: "It would be folly.", label: "against"),
        Case(text: "There is no alternative to dialogue with Pyongyang.", label: "favor"),
        Case(text: "This is a window that will not stay open for long.", label: "favor"),
        Case(text: "A summit with Kim is a risk worth taking.", label: "favor"),
        Case(text: "Tokyo should hold off until Pyongyang returns the abductees.", label: "against"),
        Case(text: "Any meeting must be conditional on progress on the abductions.", label: "against"),
        Case(text: "A summit without conditions would be a gift to the regime.", label: "against"),
        Case(text: "Some say a summit would be a mistake; they are wrong.", label: "favor"),
        Case(text: "Analysts warn that a summit could backfire.", label: "against", holder: "unnamed"),
        Case(text: "“Talks are a trap,” one official said.", label: "against", holder: "unnamed"),
        Case(text: "The prime minister should not give up on diplomacy.", label: "favor"),
        Case(text: "The prime minister said he was willing to meet Kim without preconditions.", label: "none"),
        // Everyday argumentative English about engagement: channels, probing, costs, concessions.
        Case(text: "Tokyo ought to keep the line to Pyongyang open through the winter.", label: "favor"),
        Case(text: "The cabinet would be wise to sound out Kim’s envoys quietly.", label: "favor"),
        Case(text: "One honest conversation with Pyongyang is worth more than ten press releases.", label: "favor"),
        Case(text: "A standing offer of talks costs the government almost nothing.", label: "favor"),
        Case(text: "Diplomacy and deterrence are complementary, not rivals.", label: "favor"),
        Case(text: "Meeting the North is not the same as endorsing its conduct.", label: "favor"),
        Case(text: "Tokyo must not be put off by one hostile statement from Pyongyang.", label: "favor"),
        Case(text: "A brief summit with Kim would still be better than none.", label: "favor"),
        Case(text: "Hard-liners say talks reward the regime; that argument proves too much.", label: "favor"),
        Case(text: "A summit now would whitewash the regime’s record.", label: "against"),
        Case(text: "Courting Kim this eagerly only lets Pyongyang raise its demands.", label: "against"),
        Case(text: "Tokyo should resist the urge to fly to Pyongyang.", label: "against"),
        Case(text: "A summit would lend Kim the stature he has long wanted.", label: "against"),
        Case(text: "The honest reply to Pyongyang’s invitation is a courteous no.", label: "against"),
        Case(text: "The minister spoke with his North Korean counterpart on the sidelines of a regional forum.", label: "none"),
    ]

    @Test(arguments: cases)
    func labelAndHolder(_ testCase: Case) {
        let (_, stance) = StanceFixture.lastRow(testCase.text)
        #expect(stance.label == testCase.label, "\(StanceFixture.describe(stance))")
        #expect(stance.holder == testCase.holder, "\(StanceFixture.describe(stance))")
    }

    @Test func theTargetIsEstablishedByTheDocumentNotAssumed() {
        // Without a sentence naming Japan–North Korea talks, talks "with Pyongyang" could be anyone's.
        let (_, alone) = StanceFixture.lastRow("Talks would only reward Pyongyang.", context: nil)
        #expect(alone.label == "none", "\(StanceFixture.describe(alone))")
        // Naming both sides in the sentence itself is enough.
        let (_, named) = StanceFixture.lastRow("Tokyo should seize the chance to meet Kim.", context: nil)
        #expect(named.label == "favor", "\(StanceFixture.describe(named))")
        // Someone else's talks end the topic.
        let (_, other) = StanceFixture.lastRow("The U.S.-China talks resumed. A summit looks worth attempting.")
        #expect(other.label == "none", "\(StanceFixture.describe(other))")
    }

    @Test func everySentenceGetsOneRowPerTargetWithCuesInsideIt() {
        let (document, stances) = StanceFixture.annotate("Talks would only reward Pyongyang. “A summit is worth attempting,” said Kim Yo-jong. The weather 👍🏽 was fine.")
        #expect(stances.map(\.sentenceIndex) == Array(document.sentences.indices))
        #expect(stances.map(\.label) == ["none", "against", "favor", "none"])
        #expect(stances[2].holder == "kim-yo-jong")
        let scalars = Array(document.text.unicodeScalars)
        for stance in stances {
            let sentence = document.sentences[stance.sentenceIndex]
            for cue in stance.cues {
                #expect(sentence.start <= cue.start && cue.end <= sentence.end)
                #expect(String(String.UnicodeScalarView(scalars[cue.start..<cue.end])) == cue.text)
            }
        }
        // The recommendation's words are on record with the label they gave.
        #expect(stances[2].cues.contains { $0.text == "worth attempting" && $0.rule == "worth-pursuing" && $0.label == "favor" })
    }
}
