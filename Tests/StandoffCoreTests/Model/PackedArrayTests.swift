import Testing
@testable import StandoffCore

/// Packed arrays give back exactly what was appended, whatever the strings hold.
@Suite("Packed array")
struct PackedArrayTests {
    static let diagnostics: [Diagnostic] = [
        Diagnostic(severity: .warning, stage: "annotate", code: "ambiguous-name", location: "a/a-s0001", message: "'Kim' could be two people"),
        Diagnostic(severity: .warning, stage: "annotate", code: "ambiguous-name", location: "a/a-s0002", message: "'Kim' could be two people"),
        Diagnostic(severity: .error, stage: "ingest", code: "invalid-utf8", location: "raw/b.txt", message: "byte 3: not valid UTF-8"),
        Diagnostic(severity: .warning, stage: "", code: "", location: "", message: ""),
        Diagnostic(severity: .warning, stage: "clean", code: "x", location: "😀 raw/c.txt", message: "“quoted” – 日本"),
    ]

    @Test func elementsComeBackInOrder() {
        var list = PackedArray<Diagnostic>()
        #expect(list.isEmpty)
        for diagnostic in Self.diagnostics { list.append(diagnostic) }
        #expect(Array(list) == Self.diagnostics)
        #expect(list.count == Self.diagnostics.count)
        #expect(list[2] == Self.diagnostics[2])
        // Appending after reading leaves what was read intact.
        let copy = list
        list += Self.diagnostics
        #expect(Array(copy) == Self.diagnostics)
        #expect(Array(list) == Self.diagnostics + Self.diagnostics)
    }

    @Test func equalityComparesElements() {
        let list = PackedArray(Self.diagnostics)
        #expect(list == PackedArray(Self.diagnostics))
        #expect(list != PackedArray(Self.diagnostics.reversed()))
        #expect(list != PackedArray(Self.diagnostics.dropLast()))
    }

    @Test(arguments: [
        AnnotationStatistics.DocumentTop(documentID: "d1", mentions: 0, entities: []),
        AnnotationStatistics.DocumentTop(documentID: "😀d2", mentions: 7, entities: [.init(id: "japan", mentions: 5), .init(id: "kim-jong-un", mentions: 2)]),
    ])
    func documentTopsRoundTrip(_ top: AnnotationStatistics.DocumentTop) {
        #expect(PackedArray([top, top])[1] == top)
    }

    @Test func documentStancesRoundTrip() {
        let stance = DocumentStance(target: "japan-dprk-dialogue", label: "favor", favor: 3, against: 1, none: 12)
        #expect(Array(PackedArray([stance, stance])) == [stance, stance])
    }

    /// Elements spread over many chunks, one larger than a chunk among them, come back whole, and
    /// a copy taken before more appends keeps its elements.
    @Test func elementsAcrossChunksComeBackWhole() {
        let large = String(repeating: "界", count: PackedArray<String>.chunkCapacity)
        let strings = (0..<20_000).map { "raw/😀-\($0).txt" } + [large] + (0..<50_000).map { "p\($0)" }
        var list = PackedArray<String>()
        var copy = list
        for (index, string) in strings.enumerated() {
            list.append(string)
            if index == 20_000 { copy = list }
        }
        #expect(list.count == strings.count)
        #expect(Array(list) == strings)
        #expect(Array(copy) == Array(strings.prefix(20_001)))
    }

    /// A value written as a hex digest.
    struct Digest: Packable, Equatable {
        var value: String
        func pack(into writer: inout PackWriter) { writer.write(hexDigest: value) }
        init(_ value: String) { self.value = value }
        init(unpacking reader: inout PackReader) { value = reader.readHexDigest() }
    }

    /// Lowercase hex digests are stored as half as many bytes; anything else comes back as it was written.
    @Test(arguments: [
        String(repeating: "0f", count: 32), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "", "ABCDEF", "abc", "zz", "😀", "00",
    ])
    func hexDigestsRoundTrip(_ value: String) {
        var list = PackedArray<Digest>()
        list.append(Digest(value))
        list.append(Digest(value))
        #expect(Array(list) == [Digest(value), Digest(value)])
    }
}
