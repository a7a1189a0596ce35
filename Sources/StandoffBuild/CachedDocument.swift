import StandoffCore

/// What the cached stages made of one raw file: every field they assign and the diagnostics
/// they reported, in the byte form ``DocumentCache`` stores.
///
/// The raw file's SHA-256 and path are stored too and checked on reading, so an entry is only
/// ever applied to the bytes it was made from. Fields the stages before the cache assign (the
/// raw text, its hash and size) are not stored: ingest recomputes them from the file.
struct CachedDocument: Equatable {
    /// Raised to reject every entry written in an older layout.
    static let formatVersion = 2
    static let magic = Array("standoff-document\n".utf8)

    var sourceFile: String
    var sourceSHA256: String
    var metadata: DocumentMetadata
    var paragraphs: [Paragraph]
    var removed: [RemovedLine]
    var text: String
    var sentences: [Sentence]
    var mentions: [Mention]
    var stances: [Stance]
    var diagnostics: [Diagnostic]

    /// The fields of `document` after the cached stages, with the diagnostics those stages reported.
    init(_ document: Document, diagnostics: [Diagnostic]) {
        sourceFile = document.sourceFile
        sourceSHA256 = document.sourceSHA256
        metadata = document.metadata
        paragraphs = document.paragraphs
        removed = document.removed
        text = document.text
        sentences = document.sentences
        mentions = document.mentions
        stances = document.stances
        self.diagnostics = diagnostics
    }

    /// Sets the cached fields on `document`, which the stages before the cache have run over.
    func apply(to document: inout Document) {
        document.metadata = metadata
        document.paragraphs = paragraphs
        document.removed = removed
        document.text = text
        document.sentences = sentences
        document.mentions = mentions
        document.stances = stances
    }

    var bytes: [UInt8] {
        var writer = EntryWriter(text: text)
        writer.base.write(raw: Self.magic)
        writer.base.write(Self.formatVersion)
        writer.base.write(sourceFile)
        writer.base.write(sourceSHA256)
        writer.base.write(metadata.title)
        writer.base.write(metadata.authors)
        writer.base.write(metadata.publication)
        writer.base.write(metadata.published)
        writer.base.write(text)
        writer.base.write(paragraphs.count)
        for paragraph in paragraphs {
            writer.write(paragraph.text, start: paragraph.start, end: paragraph.end)
            writer.base.write(paragraph.lines)
        }
        writer.base.write(removed.count)
        for line in removed {
            writer.base.write(line.line)
            writer.base.write(line.text)
            writer.write(pooled: line.reason)
        }
        writer.base.write(sentences.count)
        for sentence in sentences {
            writer.base.write(sentence.index)
            writer.base.write(sentence.paragraph)
            writer.write(sentence.text, start: sentence.start, end: sentence.end)
        }
        writer.base.write(mentions.count)
        for mention in mentions {
            writer.base.write(mention.sentenceIndex)
            writer.write(mention.text, start: mention.start, end: mention.end)
            writer.write(pooled: mention.type)
            writer.write(pooled: mention.entityID)
            writer.write(pooled: mention.entityName)
            writer.write(pooled: mention.rule)
            writer.write(pooled: mention.source)
            writer.write(pooled: mention.country)
        }
        writer.base.write(stances.count)
        for stance in stances {
            writer.base.write(stance.sentenceIndex)
            writer.write(pooled: stance.target)
            writer.write(pooled: stance.label)
            writer.write(pooled: stance.holder)
            writer.write(pooled: stance.rules)
            writer.write(pooled: stance.source)
            writer.base.write(stance.cues.count)
            for cue in stance.cues {
                writer.write(cue.text, start: cue.start, end: cue.end)
                writer.write(pooled: cue.rule)
                writer.write(pooled: cue.label)
            }
            writer.base.write(stance.score)
            writer.write(pooled: stance.decisive)
        }
        writer.base.write(diagnostics.count)
        for diagnostic in diagnostics {
            writer.write(pooled: diagnostic.severity.rawValue)
            writer.write(pooled: diagnostic.stage)
            writer.write(pooled: diagnostic.code)
            writer.base.write(diagnostic.location)
            writer.write(pooled: diagnostic.message)
        }
        return writer.base.bytes
    }

    /// Decodes an entry; throws ``BinaryReader/Malformed`` for anything but a whole entry of this format.
    init(bytes: [UInt8]) throws {
        var base = BinaryReader(bytes)
        try base.expect(raw: Self.magic)
        guard try base.readInt() == Self.formatVersion else { throw BinaryReader.Malformed() }
        sourceFile = try base.readString()
        sourceSHA256 = try base.readString()
        metadata = DocumentMetadata(title: try base.readOptionalString(), authors: try base.readStrings(),
                                    publication: try base.readOptionalString(), published: try base.readOptionalString())
        text = try base.readString()
        var reader = EntryReader(base: base, text: text)
        paragraphs = try (0..<reader.base.readCount()).map { _ in
            let (text, start, end) = try reader.readSpan()
            return Paragraph(text: text, start: start, end: end, lines: try reader.base.readInts())
        }
        removed = try (0..<reader.base.readCount()).map { _ in
            RemovedLine(line: try reader.base.readInt(), text: try reader.base.readString(), reason: try reader.readPooled())
        }
        sentences = try (0..<reader.base.readCount()).map { _ in
            let index = try reader.base.readInt()
            let paragraph = try reader.base.readInt()
            let (text, start, end) = try reader.readSpan()
            return Sentence(index: index, paragraph: paragraph, start: start, end: end, text: text)
        }
        mentions = try (0..<reader.base.readCount()).map { _ in
            let sentenceIndex = try reader.base.readInt()
            let (text, start, end) = try reader.readSpan()
            var mention = Mention(sentenceIndex: sentenceIndex, start: start, end: end, text: text, type: try reader.readPooled(),
                                  entityID: try reader.readPooled(), entityName: try reader.readPooled(), rule: try reader.readPooled())
            mention.source = try reader.readPooled()
            mention.country = try reader.readPooledOptional()
            return mention
        }
        stances = try (0..<reader.base.readCount()).map { _ in
            let sentenceIndex = try reader.base.readInt()
            let target = try reader.readPooled()
            let label = try reader.readPooled()
            let holder = try reader.readPooled()
            let rules = try reader.readPooledStrings()
            let source = try reader.readPooled()
            let cues = try (0..<reader.base.readCount()).map { _ in
                let (text, start, end) = try reader.readSpan()
                return StanceCue(start: start, end: end, text: text, rule: try reader.readPooled(), label: try reader.readPooledOptional())
            }
            return Stance(sentenceIndex: sentenceIndex, target: target, label: label, holder: holder, rules: rules, source: source,
                          cues: cues, score: try reader.base.readInt(), decisive: try reader.readPooledStrings())
        }
        diagnostics = try (0..<reader.base.readCount()).map { _ in
            guard let severity = Diagnostic.Severity(rawValue: try reader.readPooled()) else { throw BinaryReader.Malformed() }
            return Diagnostic(severity: severity, stage: try reader.readPooled(), code: try reader.readPooled(), location: try reader.base.readString(),
                              message: try reader.readPooled())
        }
        guard reader.base.isAtEnd else { throw BinaryReader.Malformed() }
    }
}

/// Writes an entry's fields, storing each span's text as a flag when it is the document text
/// between its offsets (sentences, mentions and cues always are), and each repeating value
/// (types, entity ids, rule names, labels, messages) in full once and then by number.
///
/// Without this an entry held the text four times over and was about four times the raw file.
private struct EntryWriter {
    var base: BinaryWriter
    let text: ScalarOffsets
    var pool = StringPool()

    init(text: String) {
        self.text = ScalarOffsets(text)
        base = BinaryWriter(capacity: 2 * text.utf8.count + 1024)
    }

    /// `0` and the offsets when `text` is the document's text there, else `1`, the offsets and the text.
    mutating func write(_ text: String, start: Int, end: Int) {
        let isSpan = 0 <= start && start <= end && end <= self.text.count && self.text.slice(start..<end, equals: text)
        base.write(isSpan ? 0 : 1)
        base.write(start)
        base.write(end &- start)
        if !isSpan { base.write(text) }
    }

    /// `0` and the string the first time, then its number + 1.
    mutating func write(pooled value: String) {
        let known = pool.strings.count
        let number = pool.number(of: value)
        if number < known { return base.write(number + 1) }
        base.write(0)
        base.write(value)
    }

    mutating func write(pooled value: String?) {
        guard let value else { return base.write(0) }
        base.write(1)
        write(pooled: value)
    }

    mutating func write(pooled values: [String]) {
        base.write(values.count)
        for value in values { write(pooled: value) }
    }
}

/// Reads what ``EntryWriter`` wrote; a span outside the text or an unknown number is malformed.
private struct EntryReader {
    var base: BinaryReader
    let text: ScalarOffsets
    var pooled: [String] = []

    init(base: BinaryReader, text: String) {
        self.base = base
        self.text = ScalarOffsets(text)
    }

    mutating func readSpan() throws -> (text: String, start: Int, end: Int) {
        let isSpan = try base.readInt()
        let start = try base.readInt()
        // Wrapping, as written, so any pair of offsets round-trips; only spans are checked against the text.
        let end = start &+ (try base.readInt())
        switch isSpan {
        case 0:
            guard 0 <= start, start <= end, end <= text.count else { throw BinaryReader.Malformed() }
            return (text.string(start..<end), start, end)
        case 1: return (try base.readString(), start, end)
        default: throw BinaryReader.Malformed()
        }
    }

    mutating func readPooled() throws -> String {
        let number = try base.readInt()
        if number == 0 {
            let value = try base.readString()
            pooled.append(value)
            return value
        }
        guard number > 0, number <= pooled.count else { throw BinaryReader.Malformed() }
        return pooled[number - 1]
    }

    mutating func readPooledOptional() throws -> String? {
        switch try base.readInt() {
        case 0: return nil
        case 1: return try readPooled()
        default: throw BinaryReader.Malformed()
        }
    }

    mutating func readPooledStrings() throws -> [String] {
        try (0..<base.readCount()).map { _ in try readPooled() }
    }
}
