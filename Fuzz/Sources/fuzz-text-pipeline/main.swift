import FuzzSupport
import StandoffCore

/// Ingest, clean and split as a build runs them over one raw file.
let pipeline: Pipeline = {
    let rules = ShippedRules.rules
    do {
        return try Pipeline(stages: [
            Ingest(),
            Clean(lexicon: rules.boilerplate, corrections: .none),
            Split(splitter: SentenceSplitter(lexicon: rules.abbreviations)),
        ])
    } catch {
        fatalError("cannot build the pipeline: \(error)")
    }
}()

/// Any bytes as a raw article: decoding errors are expected, crashes and hangs are bugs.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    var document = Document(id: "fuzz", sourceFile: "raw/fuzz.txt", rawBytes: bytes)
    var diagnostics: [Diagnostic] = []
    do {
        try pipeline.run(&document, diagnostics: &diagnostics)
    } catch {
        return 0
    }
    let length = document.text.unicodeScalars.count
    for sentence in document.sentences {
        precondition(0 <= sentence.start && sentence.start < sentence.end && sentence.end <= length,
                     "sentence \(sentence.index) at \(sentence.start)..<\(sentence.end) outside the text (\(length))")
    }
    return 0
}

/// The entry point a debug build links `main` to (see `runFuzzer`).
@_cdecl("fuzz_text_pipeline_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    // Rules are decoded before the first input, so it is not timed out for their cost.
    _ = pipeline
    return runFuzzer(argc: argc, argv: argv) { data, size in
        guard let data else { return 0 }
        return fuzz(UnsafeRawPointer(data), size)
    }
}
