/// The gazetteer, decoded and checked: entries in file order and the tables that matching and
/// linking look things up in.
public struct Gazetteer: Sendable {
    /// The entries as written, with their file and line.
    public let entries: [RuleLine<GazetteerEntry>]
    /// Each entry's type, parsed.
    let types: [EntityType]
    /// Entry index by id.
    let indexByID: [String: Int]
    /// Distinct family names in order of first appearance; `EntityMatcher.Key.family(n)` is `familyNames[n]`.
    let familyNames: [String]
    /// Entry indices by family name, in file order.
    let entriesByFamily: [String: [Int]]
    /// Each entry's role titles, normalised with ``EntityText/roleKey(_:)``.
    let roleKeys: [[String]]

    /// The country the entity with id `id` stands for, if the gazetteer records one.
    public func country(of id: String) -> String? {
        indexByID[id].flatMap { entries[$0].rule.country }
    }

    /// The entry with id `id`, if any.
    public func entry(id: String) -> GazetteerEntry? {
        indexByID[id].map { entries[$0].rule }
    }

    /// Decodes and checks a gazetteer file.
    ///
    /// - Throws: ``StandoffError/invalidRule(file:line:reason:)`` for the first line that does not decode,
    ///   has an unknown key, a bad id, type, gender or Wikidata item, person fields on a non-person,
    ///   no `match` example, or a name that another entry already claims.
    public static func decode(file: String, contents: String) throws -> Gazetteer {
        let lines = try RuleFile.decode(GazetteerEntry.self, file: file, contents: contents)
        return try Gazetteer(lines: lines)
    }

    /// Checks decoded lines and builds the tables.
    init(lines: [RuleLine<GazetteerEntry>]) throws {
        var types: [EntityType] = []
        var indexByID: [String: Int] = [:]
        var familyNames: [String] = []
        var entriesByFamily: [String: [Int]] = [:]
        var roleKeys: [[String]] = []
        // Folded name → who claims it (entry index, case-kept form or nil when any case), to find clashes.
        var claims: [[Unicode.Scalar]: [(entry: Int, exact: [Unicode.Scalar]?)]] = [:]

        for (index, line) in lines.enumerated() {
            let entry = line.rule
            func invalid(_ reason: String) -> StandoffError {
                .invalidRule(file: line.file, line: line.line, reason: "entry '\(entry.id)': \(reason)")
            }
            guard EntityText.isSlug(entry.id) else {
                throw invalid("'id' must be a slug of lower-case letters, digits and single hyphens, e.g. 'kim-jong-un'")
            }
            if let earlier = indexByID[entry.id] {
                throw invalid("the id is already used on line \(lines[earlier].line); ids must be unique")
            }
            if EntityLinker.reservedRules.contains(entry.id) {
                throw invalid("'\(entry.id)' is the name of a linking rule; choose another id")
            }
            indexByID[entry.id] = index
            guard let type = EntityType(rawValue: entry.type) else {
                throw invalid("type '\(entry.type)' is not one of \(EntityType.list)")
            }
            types.append(type)
            guard !EntityText.key(entry.name).folded.isEmpty else { throw invalid("'name' is empty") }
            if entry.demonyms != nil && type != .gpe {
                throw invalid("'demonyms' belong on GPE entries, whose NORP mentions take the place's id")
            }
            if type != .person {
                let personKeys = [entry.family.map { _ in "family" }, entry.bareFamilyName.map { _ in "bare_family_name" },
                                  entry.gender.map { _ in "gender" }, entry.titles.map { _ in "titles" }].compactMap { $0 }
                if let key = personKeys.first { throw invalid("'\(key)' is for PERSON entries only") }
            }
            if let gender = entry.gender, gender != "female", gender != "male" {
                throw invalid("gender '\(gender)' must be 'female' or 'male'")
            }
            if let wikidata = entry.wikidata, !Self.isWikidataItem(wikidata) {
                throw invalid("'\(wikidata)' is not a Wikidata item id such as 'Q17'")
            }
            if entry.match.isEmpty { throw invalid("add at least one 'match' example") }

            let names = [entry.name] + (entry.aliases ?? []) + (entry.demonyms ?? [])
            if let family = entry.family {
                guard !family.isEmpty, family.unicodeScalars.allSatisfy(EntityText.isWord), EntityText.isUppercase(family.unicodeScalars.first!) else {
                    throw invalid("family '\(family)' must be one capitalised word, e.g. 'Kim'")
                }
                let words = names.flatMap { name in
                    name.unicodeScalars.split(whereSeparator: { !EntityText.isWord($0) }).map(EntityText.string)
                }
                guard words.contains(family) else {
                    throw invalid("family '\(family)' is not a word of the name or of any alias")
                }
                if names.contains(family) {
                    throw invalid("'\(family)' is the family name, so do not list it as an alias: a bare family name is resolved by linking")
                }
                if entriesByFamily[family] == nil { familyNames.append(family) }
                entriesByFamily[family, default: []].append(index)
            }
            roleKeys.append((entry.titles ?? []).map(EntityText.roleKey))

            let ignoreCase = entry.ignoreCase ?? false
            for name in names {
                let key = EntityText.key(name)
                guard !key.folded.isEmpty else { throw invalid("an alias or demonym is empty") }
                let mine = ignoreCase ? nil : key.exact
                for claim in claims[key.folded] ?? [] where claim.entry != index {
                    if claim.exact == nil || mine == nil || claim.exact! == mine! {
                        let other = lines[claim.entry]
                        throw invalid("'\(name)' is also a name of '\(other.rule.id)' on line \(other.line); a name may belong to one entity only")
                    }
                }
                claims[key.folded, default: []].append((index, mine))
            }
        }
        // A country must be a place in this file, or analyses by country would have dangling ids.
        for line in lines {
            guard let country = line.rule.country else { continue }
            guard let target = indexByID[country], types[target] == .gpe else {
                throw StandoffError.invalidRule(file: line.file, line: line.line,
                                                reason: "entry '\(line.rule.id)': country '\(country)' is not the id of a GPE entry in this file; add the country or correct the id")
            }
        }
        // A family name that is also another entity's full name would be matched twice.
        for family in familyNames {
            let key = EntityText.key(family)
            for claim in claims[key.folded] ?? [] where claim.exact == nil || claim.exact! == key.exact {
                let owner = lines[claim.entry]
                let person = lines[entriesByFamily[family]![0]]
                throw StandoffError.invalidRule(file: owner.file, line: owner.line,
                                                reason: "entry '\(owner.rule.id)': '\(family)' is the family name of '\(person.rule.id)' on line \(person.line); remove the name or spell it in full")
            }
        }
        self.entries = lines
        self.types = types
        self.indexByID = indexByID
        self.familyNames = familyNames
        self.entriesByFamily = entriesByFamily
        self.roleKeys = roleKeys
    }

    /// Every name, alias, demonym and family name, as automaton patterns.
    var matcherPatterns: [EntityMatcher.Pattern] {
        var patterns: [EntityMatcher.Pattern] = []
        for (index, line) in entries.enumerated() {
            let ignoreCase = line.rule.ignoreCase ?? false
            for name in [line.rule.name] + (line.rule.aliases ?? []) {
                patterns.append(.init(text: name, key: .alias(entry: index), ignoreCase: ignoreCase))
            }
            for demonym in line.rule.demonyms ?? [] {
                patterns.append(.init(text: demonym, key: .demonym(entry: index), ignoreCase: ignoreCase))
            }
        }
        for (number, family) in familyNames.enumerated() {
            patterns.append(.init(text: family, key: .family(number), ignoreCase: false))
        }
        return patterns
    }

    /// `Q` followed by a positive number.
    private static func isWikidataItem(_ text: String) -> Bool {
        guard text.hasPrefix("Q"), text.count > 1, text.dropFirst().first != "0" else { return false }
        return text.dropFirst().allSatisfy(\.isASCII) && text.dropFirst().allSatisfy(\.isNumber)
    }
}
