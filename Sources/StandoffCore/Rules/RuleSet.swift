import Foundation

/// Every rule file the pipeline needs, decoded: the data that `annotations/rules/` holds.
public struct RuleSet: Sendable {
    /// Boilerplate phrase rules for `Clean`.
    public var boilerplate: BoilerplateLexicon
    /// Abbreviations and sentence starters for `Split`.
    public var abbreviations: AbbreviationLexicon
    /// Gazetteer and name patterns for entity mentions.
    public var entities: EntityRules
    /// Stance targets, cues and holder words.
    public var stance: StanceRules

    /// The rule files, by name inside the rules folder.
    public enum FileName {
        public static let boilerplate = "boilerplate.jsonl"
        public static let abbreviations = "abbreviations.jsonl"
        public static let gazetteer = "gazetteer.jsonl"
        public static let entityPatterns = "entity-patterns.jsonl"
        public static let stanceTargets = "stance-targets.jsonl"
        public static let stanceCues = "stance-cues.jsonl"
        public static let stanceHolders = "stance-holders.jsonl"
        /// Every file the rule set reads.
        public static let all = [boilerplate, abbreviations, gazetteer, entityPatterns, stanceTargets, stanceCues, stanceHolders]
    }

    /// Decodes the rule files. `contents` maps each name in ``FileName/all`` to the file's text;
    /// `folder` is how errors name the files' folder, e.g. `annotations/rules`.
    public init(contents: [String: String], folder: String) throws {
        func text(_ name: String) throws -> String {
            guard let text = contents[name] else {
                throw StandoffError.invalidRule(file: "\(folder)/\(name)", line: 0, reason: "the rule file is missing; restore it from version control")
            }
            // Files saved with Windows line ends read the same; "\r\n" is one Character to Swift,
            // so splitting on "\n" alone would see one long line.
            return text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        }
        boilerplate = try BoilerplateLexicon.decode(file: "\(folder)/\(FileName.boilerplate)", contents: text(FileName.boilerplate))
        abbreviations = try AbbreviationLexicon.decode(file: "\(folder)/\(FileName.abbreviations)", contents: text(FileName.abbreviations))
        entities = try EntityRules.decode(gazetteerFile: "\(folder)/\(FileName.gazetteer)", gazetteer: text(FileName.gazetteer),
                                          patternsFile: "\(folder)/\(FileName.entityPatterns)", patterns: text(FileName.entityPatterns))
        // Without entities no sentence has a party, so every stance would silently be `none`.
        guard !entities.gazetteer.entries.isEmpty else {
            throw StandoffError.invalidRule(file: "\(folder)/\(FileName.gazetteer)", line: 0,
                                            reason: "holds no entries; mentions and every stance's parties come from it, so restore it from version control")
        }
        stance = try StanceRules.decode(targetsFile: "\(folder)/\(FileName.stanceTargets)", targets: text(FileName.stanceTargets),
                                        cuesFile: "\(folder)/\(FileName.stanceCues)", cues: text(FileName.stanceCues),
                                        holdersFile: "\(folder)/\(FileName.stanceHolders)", holders: text(FileName.stanceHolders))
        try checkParties()
    }

    /// Every party of a stance target must be a gazetteer id: a misspelt one ("japann") would
    /// match no mention and silently turn every stance `none`. (The people and bodies listed with
    /// a party may be ids that name patterns make, which no file lists.)
    func checkParties() throws {
        let known = Set(entities.gazetteer.entries.map(\.rule.id))
        for line in stance.targets {
            for party in line.rule.parties {
                for id in [party.id] where !known.contains(id) {
                    throw StandoffError.invalidRule(file: line.file, line: line.line,
                                                    reason: "party '\(id)' of target '\(line.rule.id)' is not an id in gazetteer.jsonl; fix the spelling or add the entity there")
                }
            }
        }
    }

    /// The dataset's tables, with a document stance column group per stance target and every
    /// reason a line can be removed for (phrase rules, heuristics, corrections).
    public var tables: DatasetTables {
        DatasetTables(targets: stance.targetList,
                      removalReasons: boilerplate.rules.map(\.rule.id) + Clean.heuristicReasons.map(\.id) + [Clean.correctionReason.id])
    }
}

extension Pipeline {
    /// Ingest, clean, split, annotate, correct, validate and export, configured with `rules`
    /// and people's `corrections`; `snapshot` says whether export encodes the annotation snapshot too.
    public static func standard(rules: RuleSet, corrections: CorrectionSet = .none, snapshot: Bool = true) throws -> Pipeline {
        try Pipeline(stages: [
            Ingest(),
            Clean(lexicon: rules.boilerplate, corrections: corrections),
            Split(splitter: SentenceSplitter(lexicon: rules.abbreviations)),
            Annotate(entities: EntityAnnotator(rules: rules.entities), stance: StanceAnnotator(rules: rules.stance)),
            Correct(corrections: corrections, country: { [gazetteer = rules.entities.gazetteer] in gazetteer.country(of: $0) },
                    targets: rules.stance.targetList.map(\.id)),
            Validate(targets: rules.stance.targetList.map(\.id), knownEntities: Set(rules.entities.gazetteer.entries.map(\.rule.id))),
            Export(tables: rules.tables, snapshot: snapshot),
        ])
    }
}
