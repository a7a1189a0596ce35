import Testing
@testable import StandoffCore

@Suite("Dataset diff as HTML")
struct DatasetDiffHTMLTests {
    static let old = DiffDocument("d", ["Japan should talk to North Korea.", "Kim said <script>alert(1)</script> no.", "Tokyo waited."])
        .mention(0, "Japan", "GPE", "japan").mention(1, "Kim", "PERSON", "kim-jong-un")
        .stance(0, "dialogue", "none", rules: []).stance(1, "dialogue", "none", rules: []).stance(2, "dialogue", "none", rules: [])
    static let new = DiffDocument("d", ["Japan should talk to North Korea.", "Kim said <script>alert(1)</script> no.", "Tokyo waited."])
        .mention(0, "Japan", "GPE", "japan").mention(0, "North Korea", "GPE", "north-korea")
        .stance(0, "dialogue", "favor", rules: ["favor-cue"]).stance(1, "dialogue", "none", rules: []).stance(2, "dialogue", "none", rules: [])
    static let diff = DatasetDiff(old: try! DiffFixture.release("v1", [old]), new: try! DiffFixture.release("v2", [new]))

    static let expected: [(String, String)] = [
        ("the title", "<h1>Dataset changes: "),
        ("a transition matrix", "<table class=\"matrix\""),
        ("a changed sentence with both labels", "<table class=\"sortable stance-changes\">"),
        ("the rule effect table", "<table class=\"sortable\" id=\"rule-effects\">"),
        ("the sorting script", "table.sortable"),
        ("old and new label side by side", #"<td data-value="none"><span class="badge l-none">none</span></td><td data-value="favor"><span class="badge l-favor">favor</span></td>"#),
        ("a removed mention in place, escaped text around it", #"<del class="m-removed" data-type="PERSON" data-entity="kim-jong-un" title="removed: PERSON kim-jong-un, rule kim-jong-un">−Kim<span class="tag">PERSON</span></del> said &lt;script&gt;alert(1)&lt;/script&gt; no."#),
        ("an added mention in place", #"Japan should talk to <ins class="m-added" data-type="GPE" data-entity="north-korea""#),
        ("a rule's effect", #"<tr data-rule="favor-cue">"#),
    ]

    @Test(arguments: expected)
    func pageHolds(_ what: String, _ markup: String) {
        #expect(Self.diff.html.contains(markup), "\(what)")
    }

    @Test func untrustedTextNeverBecomesMarkup() {
        #expect(Self.diff.html.components(separatedBy: "<script").count == 2)
    }

    @Test func theSameDiffGivesTheSameBytes() {
        #expect(Self.diff.html == Self.diff.html)
    }
}
