import FuzzSupport
import StandoffCore

let rules = ShippedRules.rules
let targets = rules.stance.targetList.map(\.id)
/// Split, annotate and validate, starting from a body.
let pipeline: Pipeline = {
    do {
        return try Pipeline(stages: [
            Split(splitter: SentenceSplitter(lexicon: rules.abbreviations)),
            Annotate(entities: EntityAnnotator(rules: rules.entities), stance: StanceAnnotator(rules: rules.stance)),
            Validate(targets: targets, knownEntities: Set(rules.entities.gazetteer.entries.map(\.rule.id))),
        ], given: [.body, .removedLines])
    } catch {
        fatalError("cannot build the pipeline: \(error)")
    }
}()

/// A document whose body is `text`: paragraphs are the runs between blank lines, trimmed, each
/// on the raw lines it spans, as `Clean` leaves them.
func document(body text: String) -> Document {
    var document = Document(id: "fuzz", sourceFile: "raw/fuzz.txt", rawBytes: [])
    var texts: [String] = []
    for block in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
        let trimmed = block.unicodeScalars.drop(while: { $0.properties.isWhitespace })
        let kept = String(String.UnicodeScalarView(trimmed.reversed().drop(while: { $0.properties.isWhitespace }).reversed()))
        if !kept.isEmpty { texts.append(kept) }
    }
    var offset = 0
    var line = 1
    for paragraphText in texts {
        let lineCount = paragraphText.unicodeScalars.filter { $0 == "\n" }.count + 1
        let end = offset + paragraphText.unicodeScalars.count
        document.paragraphs.append(Paragraph(text: paragraphText, start: offset, end: end, lines: Array(line..<(line + lineCount))))
        offset = end + 2
        line += lineCount + 1
    }
    document.text = texts.joined(separator: "\n\n")
    document.rawText = document.text
    return document
}

/// Any text as a body: annotation must hold every invariant `Validate` checks, so a thrown
/// invariant is a crash here.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    // Decoded as a build decodes a raw file, so the body is text the annotators can meet.
    guard let text = try? Ingest.decode(bytes, file: "raw/fuzz.txt") else { return 0 }
    var document = document(body: text)
    var diagnostics: [Diagnostic] = []
    do {
        try pipeline.run(&document, diagnostics: &diagnostics)
    } catch StandoffError.invariant(_, let sentence, let invariant, let detail) where invariant != "line-accounting" {
        preconditionFailure("invariant '\(invariant)' violated at \(sentence ?? "-"): \(detail)")
    } catch {
        return 0
    }
    let length = document.text.unicodeScalars.count
    for mention in document.mentions {
        let sentence = document.sentences[mention.sentenceIndex]
        precondition(sentence.start <= mention.start && mention.start < mention.end && mention.end <= sentence.end && mention.end <= length,
                     "mention '\(mention.text)' at \(mention.start)..<\(mention.end) outside sentence \(sentence.start)..<\(sentence.end)")
    }
    precondition(document.stances.count == document.sentences.count * targets.count, "stance rows \(document.stances.count)")
    return 0
}

/// The entry point a debug build links `main` to (see `runFuzzer`).
@_cdecl("fuzz_annotate_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    // Rules are decoded before the first input, so it is not timed out for their cost.
    _ = pipeline
    return runFuzzer(argc: argc, argv: argv) { data, size in
        guard let data else { return 0 }
        return fuzz(UnsafeRawPointer(data), size)
    }
}
