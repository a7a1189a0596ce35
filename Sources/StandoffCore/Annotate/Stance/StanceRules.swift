/// The stance rule files, decoded, checked and compiled: targets, cues and holder words.
///
/// The files are data in `annotations/rules/`: `stance-targets.jsonl`, `stance-cues.jsonl` and
/// `stance-holders.jsonl`. The caller reads them and passes their text, so the core touches no files.
public struct StanceRules: Sendable {
    /// A target with its topic patterns compiled.
    struct CompiledTarget: Sendable {
        let target: StanceTarget
        let topics: [WordRegex]
        /// Entity id → party index (0 or 1).
        let partyOfEntity: [String: Int]
    }

    /// A cue line with its patterns compiled.
    struct CompiledCue: Sendable {
        let rule: StanceCueRule
        let kind: StanceCueRule.Kind
        let patterns: [WordRegex]
    }

    /// The target lines as written.
    public let targets: [RuleLine<StanceTarget>]
    /// The cue lines as written.
    public let cues: [RuleLine<StanceCueRule>]
    /// The holder lines as written.
    public let holders: [RuleLine<StanceHolderRule>]
    let compiledTargets: [CompiledTarget]
    let compiledCues: [CompiledCue]
    /// The literals of every cue and topic pattern and of their alternatives, looked for in one
    /// pass per sentence; each piece's ``WordRegex/Piece/filterIndex`` is its place here.
    let filter: LiteralFilter

    /// No targets: every document gets no stance rows.
    public static let none = StanceRules(targets: [], cues: [], holders: [], compiledTargets: [], compiledCues: [], filter: LiteralFilter([]))

    /// Decodes and checks the three files; errors are ``StandoffError/invalidRule(file:line:reason:)`` naming the line.
    public static func decode(targetsFile: String, targets: String, cuesFile: String, cues: String,
                              holdersFile: String, holders: String) throws -> StanceRules {
        let targetLines = try RuleFile.decode(StanceTarget.self, file: targetsFile, contents: targets)
        let cueLines = try RuleFile.decode(StanceCueRule.self, file: cuesFile, contents: cues)
        let holderLines = try RuleFile.decode(StanceHolderRule.self, file: holdersFile, contents: holders)

        // Ids name rules in the `rules` column, so they are unique across the files and the code's rules.
        var seen: [String: String] = Dictionary(uniqueKeysWithValues: StanceAnnotator.codeRuleIDs.map { ($0, "a rule in code") })
        func claim(_ id: String, _ location: String, file: String, line: Int) throws {
            guard EntityText.isSlug(id) else {
                throw StandoffError.invalidRule(file: file, line: line, reason: "'\(id)': the id must be a slug of lower-case letters, digits and single hyphens")
            }
            if let earlier = seen[id] {
                throw StandoffError.invalidRule(file: file, line: line, reason: "'\(id)': the id is already used by \(earlier); ids must be unique")
            }
            seen[id] = location
        }
        var filtered: [RequiredLiterals?] = []
        var wordLists: [Bool] = []
        func compile(_ pattern: String, _ file: String, _ line: Int, _ id: String) throws -> WordRegex {
            do {
                let regex = try WordRegex(pattern, filterIndex: filtered.count)
                for entry in regex.filterEntries {
                    filtered.append(entry.literals)
                    wordLists.append(entry.isWordList)
                }
                return regex
            } catch {
                throw StandoffError.invalidRule(file: file, line: line, reason: "'\(id)': pattern '\(pattern)' does not compile: \(error.localizedDescription)")
            }
        }

        var compiledTargets: [CompiledTarget] = []
        for line in targetLines {
            let target = line.rule
            try claim(target.id, line.location, file: line.file, line: line.line)
            func invalid(_ reason: String) -> StandoffError {
                .invalidRule(file: line.file, line: line.line, reason: "target '\(target.id)': \(reason)")
            }
            guard target.parties.count == 2 else { throw invalid("name exactly two 'parties'; talks between them are the target") }
            guard !target.topicPatterns.isEmpty else { throw invalid("add 'topic_patterns' for the words that name talks") }
            guard !target.match.isEmpty, !(target.noMatch ?? []).isEmpty else { throw invalid("add 'match' and 'no_match' examples") }
            var partyOfEntity: [String: Int] = [:]
            for (index, party) in target.parties.enumerated() {
                for entity in [party.id] + party.entities {
                    if let other = partyOfEntity[entity], other != index { throw invalid("'\(entity)' is listed for both parties") }
                    partyOfEntity[entity] = index
                }
            }
            compiledTargets.append(CompiledTarget(target: target, topics: try target.topicPatterns.map { try compile($0, line.file, line.line, target.id) },
                                                  partyOfEntity: partyOfEntity))
        }

        var compiledCues: [CompiledCue] = []
        for line in cueLines {
            let cue = line.rule
            try claim(cue.id, line.location, file: line.file, line: line.line)
            func invalid(_ reason: String) -> StandoffError {
                .invalidRule(file: line.file, line: line.line, reason: "cue '\(cue.id)': \(reason)")
            }
            guard let kind = cue.resolvedKind else {
                throw invalid("kind '\(cue.kind)' is not one of \(StanceCueRule.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            switch kind {
            case .favor, .against:
                guard let weight = cue.weight, (1...3).contains(weight) else { throw invalid("favor and against cues need a 'weight' of 1, 2 or 3") }
            case .feasibility, .hedge, .rebuttal:
                guard cue.weight == nil else { throw invalid("'weight' is for favor and against cues only") }
            }
            guard !cue.patterns.isEmpty else { throw invalid("add at least one pattern") }
            guard !cue.match.isEmpty, !(cue.noMatch ?? []).isEmpty else { throw invalid("add 'match' and 'no_match' examples") }
            compiledCues.append(CompiledCue(rule: cue, kind: kind, patterns: try cue.patterns.map { try compile($0, line.file, line.line, cue.id) }))
        }

        for line in holderLines {
            let holder = line.rule
            try claim(holder.id, line.location, file: line.file, line: line.line)
            func invalid(_ reason: String) -> StandoffError {
                .invalidRule(file: line.file, line: line.line, reason: "holder rule '\(holder.id)': \(reason)")
            }
            guard let kind = holder.resolvedKind else {
                throw invalid("kind '\(holder.kind)' is not one of \(StanceHolderRule.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if kind == .pronoun, holder.refersTo != "PERSON", holder.refersTo != "ORG" {
                throw invalid("pronoun lines need 'refers_to': PERSON or ORG")
            }
            if kind != .pronoun, holder.refersTo != nil { throw invalid("'refers_to' is for pronoun lines only") }
            guard !holder.words.isEmpty, holder.words.allSatisfy({ $0 == $0.lowercased() && !$0.isEmpty }) else {
                throw invalid("'words' must be non-empty and lower case")
            }
            guard !holder.match.isEmpty, !(holder.noMatch ?? []).isEmpty else { throw invalid("add 'match' and 'no_match' examples") }
        }
        return StanceRules(targets: targetLines, cues: cueLines, holders: holderLines, compiledTargets: compiledTargets, compiledCues: compiledCues,
                           filter: LiteralFilter(filtered, locating: wordLists))
    }

    /// The targets, in file order.
    public var targetList: [StanceTarget] { targets.map(\.rule) }
}
