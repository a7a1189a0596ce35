import Testing
@testable import StandoffCore

@Suite("Document page")
struct DocumentPageTests {
    static let page = DocumentPage(context: ReportFixture.context).html(ReportFixture.document)

    static let expectedMarkup: [(String, String)] = [
        ("a mention boxed by type with its id and country", #"<mark class="ent t-GPE" data-type="GPE" data-entity="japan" data-country="japan" data-rule="japan" data-span="22-27" title="GPE: Japan (id japan, country japan, rule japan)">"#),
        ("a cue underlined with its rule, label and weight", #"<u class="cue c-favor" data-rule="recommend-welcome" data-label="favor" data-weight="3" data-span="3-10" title="recommend-welcome: favor cue, weight 3, gave favor. A welcome of talks.">welcome</u>"#),
        ("a topic cue cut where it enters the mention", #"<u class="cue c-word" data-rule="target-named" data-span="11-27" title="target-named: target">talks with </u>"#),
        ("the cue's piece inside the mention", #"data-rule="japan" data-span="22-27" title="GPE: Japan (id japan, country japan, rule japan)"><u class="cue c-word" data-rule="target-named" data-span="11-27" title="target-named: target">Japan</u></mark>"#),
        ("a favor sentence tinted, with its label", #"<span class="s l-favor" id="s0000" data-sentence="0" data-label="favor" data-holder="author""#),
        ("its label badge", #"<span class="badge l-favor">favor</span>"#),
        ("a corrected sentence", #"<span class="s l-against corrected" id="s0001""#),
        ("a speaker who is not the author, escaped", #"<span class="badge holder">said by kim-jong-un&quot;&gt;&lt;b&gt;</span>"#),
        ("a correction badge", #"<span class="badge corrected">corrected</span>"#),
        ("a corrected mention", #"<mark class="ent t-PERSON corrected" data-type="PERSON" data-entity="kim-jong-un""#),
        ("a removed line with its number and reason", #"<p class="removed" data-line="4" data-reason="subscription-prompt"><span class="ln">line 4</span><del>Subscribe</del>"#),
        ("the reason's summary on hover", #"<span class="reason" title="Navigation &lt;menus&gt;.">menu</span>"#),
        ("a hard-wrapped paragraph's lines", #"<p class="para" id="p1" data-lines="5-6">"#),
        ("the title escaped", "<h1>&lt;b&gt;Title&lt;/b&gt; &amp; more</h1>"),
        ("the document stance", #"<span class="badge l-favor">favor</span> (author sentences: 1 favor, 0 against, 1 none)"#),
        ("hostile sentence text as text", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt; wrote &lt;script&gt;alert(1)&lt;/script&gt; says "),
        ("a hostile removed line as text", "<del>Menu &lt;script&gt;alert(1)&lt;/script&gt;</del>"),
    ]

    @Test(arguments: expectedMarkup)
    func pageHolds(_ what: String, _ markup: String) {
        #expect(Self.page.contains(markup), "\(what)")
    }

    @Test func untrustedTextNeverBecomesMarkup() {
        // The page's own script is the only script element; no image element exists at all.
        #expect(Self.page.components(separatedBy: "<script").count == 2)
        #expect(!Self.page.contains("<img"))
        #expect(!Self.page.contains("<b>Title") && !Self.page.contains("kim-jong-un\"><b>"))
        #expect(!Self.page.contains("onerror=alert(1)>"))
    }

    @Test func removedLinesStandWhereTheyStoodInTheRawFile() throws {
        let order = ["data-line=\"1\"", "id=\"p0\"", "data-line=\"4\"", "id=\"p1\"", "data-line=\"7\""].map {
            Self.page.range(of: $0)?.lowerBound
        }
        let positions = try order.map { try #require($0) }
        #expect(positions == positions.sorted())
    }

    @Test func theSameDocumentGivesTheSameBytes() {
        #expect(DocumentPage(context: ReportFixture.context).html(ReportFixture.document) == Self.page)
    }

    @Test func sentenceTextIsKeptWhole() {
        // Stripping the tags gives back the paragraph text (entities decoded), badges aside.
        var text = ""
        var inTag = false
        let body = Self.page[Self.page.range(of: "<p class=\"para\" id=\"p0\"")!.lowerBound...]
        for character in body.prefix(while: { $0 != "\n" }) {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        let decoded = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        #expect(decoded.hasPrefix(ReportFixture.first + " favor " + ReportFixture.hostile))
    }

    static let fileNames: [(String, String, String)] = [
        ("000_9e598d26d3e3c964", "000_9e598d26d3e3c964.html", "documents/000_9e598d26d3e3c964.html"),
        ("doc \"1\"", "doc%20%221%22.html", "documents/doc%2520%25221%2522.html"),
        ("../x", "..%2Fx.html", "documents/..%252Fx.html"),
    ]

    @Test(arguments: fileNames)
    func anyIdMakesOneSafeFileName(_ id: String, _ file: String, _ link: String) {
        #expect(DocumentPage.fileName(for: id) == file)
        #expect(DocumentPage.link(for: id) == link)
    }
}
