import StandoffCore

/// What the cached stages made of one raw file: every field they assign and the diagnostics
/// they reported, in the byte form ``DocumentCache`` stores.
///
/// The raw file's SHA-256 and path are stored too and checked on reading, so an entry is only
/// ever applied to the bytes it was made from. Fields the stages before the cache assign (the
/// raw text, its hash and size) are not stored: ingest recomputes them from the file.
struct CachedDocument: Equatable {
    /// Raised to reject every entry written in an older layout.
    static let formatVersion = 1
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
        var writer = BinaryWriter(capacity: 4 * text.utf8.count + 1024)
        writer.write(raw: Self.magic)
        writer.write(Self.formatVersion)
        writer.write(sourceFile)
        writer.write(sourceSHA256)
        writer.write(metadata.title)
        writer.write(metadata.authors)
        writer.write(metadata.publication)
        writer.write(metadata.published)
        writer.write(paragraphs.count)
        for paragraph in paragraphs {
            writer.write(paragraph.text)
            writer.write(paragraph.start)
            writer.write(paragraph.end)
            writer.write(paragraph.lines)
        }
        writer.write(removed.count)
        for line in removed {
            writer.write(line.line)
            writer.write(line.text)
            writer.write(line.reason)
        }
        writer.write(text)
        writer.write(sentences.count)
        for sentence in sentences {
            writer.write(sentence.index)
            writer.write(sentence.paragraph)
            writer.write(sentence.start)
            writer.write(sentence.end)
            writer.write(sentence.text)
        }
        writer.write(mentions.count)
        for mention in mentions {
            writer.write(mention.sentenceIndex)
            writer.write(mention.start)
            writer.write(mention.end)
            writer.write(mention.text)
            writer.write(mention.type)
            writer.write(mention.entityID)
            writer.write(mention.entityName)
            writer.write(mention.rule)
            writer.write(mention.source)
            writer.write(mention.country)
        }
        writer.write(stances.count)
        for stance in stances {
            writer.write(stance.sentenceIndex)
            writer.write(stance.target)
            writer.write(stance.label)
            writer.write(stance.holder)
            writer.write(stance.rules)
            writer.write(stance.source)
            writer.write(stance.cues.count)
            for cue in stance.cues {
                writer.write(cue.start)
                writer.write(cue.end)
                writer.write(cue.text)
                writer.write(cue.rule)
                writer.write(cue.label)
            }
            writer.write(stance.score)
            writer.write(stance.decisive)
        }
        writer.write(diagnostics.count)
        for diagnostic in diagnostics {
            writer.write(diagnostic.severity.rawValue)
            writer.write(diagnostic.stage)
            writer.write(diagnostic.code)
            writer.write(diagnostic.location)
            writer.write(diagnostic.message)
        }
        return writer.bytes
    }

    /// Decodes an entry; throws ``BinaryReader/Malformed`` for anything but a whole entry of this format.
    init(bytes: [UInt8]) throws {
        var reader = BinaryReader(bytes)
        try reader.expect(raw: Self.magic)
        guard try reader.readInt() == Self.formatVersion else { throw BinaryReader.Malformed() }
        sourceFile = try reader.readString()
        sourceSHA256 = try reader.readString()
        metadata = DocumentMetadata(title: try reader.readOptionalString(), authors: try reader.readStrings(),
                                    publication: try reader.readOptionalString(), published: try reader.readOptionalString())
        paragraphs = try (0..<reader.readCount()).map { _ in
            Paragraph(text: try reader.readString(), start: try reader.readInt(), end: try reader.readInt(), lines: try reader.readInts())
        }
        removed = try (0..<reader.readCount()).map { _ in
            RemovedLine(line: try reader.readInt(), text: try reader.readString(), reason: try reader.readString())
        }
        text = try reader.readString()
        sentences = try (0..<reader.readCount()).map { _ in
            Sentence(index: try reader.readInt(), paragraph: try reader.readInt(), start: try reader.readInt(), end: try reader.readInt(),
                     text: try reader.readString())
        }
        mentions = try (0..<reader.readCount()).map { _ in
            var mention = Mention(sentenceIndex: try reader.readInt(), start: try reader.readInt(), end: try reader.readInt(),
                                  text: try reader.readString(), type: try reader.readString(), entityID: try reader.readString(),
                                  entityName: try reader.readString(), rule: try reader.readString())
            mention.source = try reader.readString()
            mention.country = try reader.readOptionalString()
            return mention
        }
        stances = try (0..<reader.readCount()).map { _ in
            let sentenceIndex = try reader.readInt()
            let target = try reader.readString()
            let label = try reader.readString()
            let holder = try reader.readString()
            let rules = try reader.readStrings()
            let source = try reader.readString()
            let cues = try (0..<reader.readCount()).map { _ in
                StanceCue(start: try reader.readInt(), end: try reader.readInt(), text: try reader.readString(), rule: try reader.readString(),
                          label: try reader.readOptionalString())
            }
            return Stance(sentenceIndex: sentenceIndex, target: target, label: label, holder: holder, rules: rules, source: source,
                          cues: cues, score: try reader.readInt(), decisive: try reader.readStrings())
        }
        diagnostics = try (0..<reader.readCount()).map { _ in
            guard let severity = Diagnostic.Severity(rawValue: try reader.readString()) else { throw BinaryReader.Malformed() }
            return Diagnostic(severity: severity, stage: try reader.readString(), code: try reader.readString(), location: try reader.readString(),
                              message: try reader.readString())
        }
        guard reader.isAtEnd else { throw BinaryReader.Malformed() }
    }
}
