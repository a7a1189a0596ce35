/// The entity gazetteer and patterns, decoded, checked and compiled into one automaton.
///
/// Rule files are data: `annotations/rules/gazetteer.jsonl` lists entities and their names,
/// `annotations/rules/entity-patterns.jsonl` the titles and head words that find names the
/// gazetteer lacks. Both are read by the caller and passed in as text, so the core touches no files.
public struct EntityRules: Sendable {
    /// The gazetteer.
    public let gazetteer: Gazetteer
    /// The patterns.
    public let patterns: EntityPatterns
    /// Every gazetteer name and every title and head word, compiled.
    let matcher: EntityMatcher

    /// Decodes and checks both files; errors are StandoffError.invalidRule(file:line:reason:) naming the line.
    public static func decode(gazetteerFile: String, gazetteer: String, patternsFile: String, patterns: String) throws -> EntityRules {
        let decodedGazetteer = try Gazetteer.decode(file: gazetteerFile, contents: gazetteer)
        let decodedPatterns = try EntityPatterns.decode(file: patternsFile, contents: patterns)
        // A mention's rule names one line, so ids may not repeat across the two files.
        for line in decodedPatterns.lines {
            if let entry = decodedGazetteer.indexByID[line.rule.id] {
                throw StandoffError.invalidRule(file: line.file, line: line.line,
                                                reason: "pattern '\(line.rule.id)': the id is also a gazetteer entry's (\(decodedGazetteer.entries[entry].location)); ids must be unique across both files")
            }
        }
        return EntityRules(gazetteer: decodedGazetteer, patterns: decodedPatterns)
    }

    /// Compiles decoded rules.
    init(gazetteer: Gazetteer, patterns: EntityPatterns) {
        self.gazetteer = gazetteer
        self.patterns = patterns
        self.matcher = EntityMatcher(patterns: gazetteer.matcherPatterns + patterns.matcherPatterns)
    }
}
