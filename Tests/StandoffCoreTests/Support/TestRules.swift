import StandoffTestSupport
@testable import StandoffCore

/// The project's rule files, decoded once for all tests.
enum TestRules {
    static let boilerplateFile = "annotations/rules/boilerplate.jsonl"

    /// `annotations/rules/boilerplate.jsonl`, compiled; a broken file fails every user with its own message.
    static let boilerplate: BoilerplateLexicon = {
        try! BoilerplateLexicon.decode(file: boilerplateFile, contents: Repository.text(boilerplateFile))
    }()

    /// The whole rule set, as the pipeline loads it.
    static let ruleSet: RuleSet = {
        var contents: [String: String] = [:]
        for name in RuleSet.FileName.all { contents[name] = try! Repository.text("annotations/rules/" + name) }
        return try! RuleSet(contents: contents, folder: "annotations/rules")
    }()

    /// Runs `stages` over a document whose raw text is `text`.
    static func run(_ stages: [any Stage], text: String, id: String = "d") throws -> (Document, [Diagnostic]) {
        var document = Document(id: id, sourceFile: "raw/\(id).txt", rawBytes: [])
        document.rawText = text
        var diagnostics: [Diagnostic] = []
        for stage in stages { try stage.apply(to: &document, diagnostics: &diagnostics) }
        return (document, diagnostics)
    }
}
