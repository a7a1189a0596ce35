/// A document's state as JSON, for the single-stage commands (`standoff clean` writes
/// `build/clean.jsonl`, one document per line) so each stage's output can be inspected.
extension Document: Encodable {
    enum CodingKeys: String, CodingKey {
        case id = "doc_id", sourceFile = "source_file", sourceSHA256 = "source_sha256", sourceSize = "source_size"
        case rawText = "raw_text", metadata, paragraphs, removed, text, sentences, mentions, stances
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(sourceFile, forKey: .sourceFile)
        try container.encode(sourceSHA256, forKey: .sourceSHA256)
        try container.encode(sourceSize, forKey: .sourceSize)
        try container.encode(rawText, forKey: .rawText)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(paragraphs, forKey: .paragraphs)
        try container.encode(removed, forKey: .removed)
        try container.encode(text, forKey: .text)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(mentions, forKey: .mentions)
        try container.encode(stances, forKey: .stances)
    }
}

extension DocumentMetadata: Encodable {
    enum CodingKeys: String, CodingKey { case title, authors, publication, published }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Missing values are written as null, as in the exported tables.
        try container.encode(title, forKey: .title)
        try container.encode(authors, forKey: .authors)
        try container.encode(publication, forKey: .publication)
        try container.encode(published, forKey: .published)
    }
}

