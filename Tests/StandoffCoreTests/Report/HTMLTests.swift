import Testing
@testable import StandoffCore

@Suite("HTML escaping")
struct HTMLTests {
    static let escapes: [(String, String)] = [
        ("plain text", "plain text"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("Tom & Jerry's", "Tom &amp; Jerry&#39;s"),
        ("&amp;", "&amp;amp;"),
        ("🇯🇵 Japan <b>", "🇯🇵 Japan &lt;b&gt;"),
        ("", ""),
    ]

    @Test(arguments: escapes)
    func escapesTheFiveCharacters(_ input: String, _ expected: String) {
        #expect(HTML.escape(input) == expected)
    }

    static let segments: [(String, String)] = [
        ("000_9e598d26d3e3c964", "000_9e598d26d3e3c964"),
        ("a b#c?d/e", "a%20b%23c%3Fd%2Fe"),
        ("\"><x", "%22%3E%3Cx"),
        ("日本", "%E6%97%A5%E6%9C%AC"),
        ("50%", "50%25"),
    ]

    @Test(arguments: segments)
    func pathSegmentsEncodeEverythingButUnreservedCharacters(_ input: String, _ expected: String) {
        #expect(HTML.pathSegment(input) == expected)
    }

    static let fragments: [(String, String)] = [
        ("favor", "favor"), ("PERSON", "PERSON"), ("x\" onmouseover=\"y", "x__onmouseover__y"), ("é", "_"),
    ]

    @Test(arguments: fragments)
    func classFragmentsKeepOnlyASCIILettersAndDigits(_ input: String, _ expected: String) {
        #expect(HTML.classFragment(input) == expected)
    }
}
