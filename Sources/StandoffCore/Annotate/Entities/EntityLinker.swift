/// Gives every candidate of a document its entity id, in the manner of GATE's orthomatcher: full
/// names carry their id; a bare family name (`Kim`) or a title and family name (`Ms. Kim`,
/// `Chairman Kim`) is linked to a person named in full in the same document.
///
/// A bare name is resolved by the first of these that applies:
/// 1. the same form (title and name) was linked earlier in the document: the same person, so a
///    running `Kim` keeps meaning the person it first meant even after a namesake is introduced;
/// 2. compatible people named earlier with that family name: the most recently mentioned;
/// 3. people named in full later in the document, if they are all one compatible person;
/// 4. the gazetteer: the one compatible entry with that family name (for a bare name, one that
///    allows `bare_family_name`); when several compete, the mention keeps its own id (the name's
///    slug) and an `ambiguous-name` warning is reported;
/// 5. a name after a title that nothing resolves is a new person whose id is the name's slug;
///    any other bare word is dropped.
///
/// Compatible means: after an honorific (`Ms.`), the same or an unknown gender; after a role title
/// (`Chairman`), a gazetteer person who lists that role, or a person seen in the document with that
/// role, a longer one ending in it (`Foreign Minister` for `Minister`) or no role at all.
struct EntityLinker: Sendable {
    /// The rule of a bare family name linked to a person in the document.
    static let surnameRule = "link-surname"
    /// The rule of a title and family name linked to a person in the document.
    static let titleSurnameRule = "link-title-surname"
    /// The rule of a bare name that several gazetteer people could be and nothing in the document decides.
    static let unresolvedRule = "link-unresolved"
    /// Rule ids no gazetteer entry or pattern may take.
    static let reservedRules: Set<String> = [surnameRule, titleSurnameRule, unresolvedRule]

    /// A selected candidate, placed in the document.
    struct Found: Sendable {
        /// The sentence index.
        var sentence: Int
        /// Code-point offsets into the document text, end-exclusive.
        var start: Int
        var end: Int
        /// The mention's text.
        var text: String
        var candidate: EntityCandidate
    }

    /// A person as linking sees them.
    struct Person: Sendable, Equatable {
        var id: String
        var name: String
        var gender: String?
        /// Role keys (``EntityText/roleKey(_:)``).
        var roles: [String]
        /// Family names a bare mention may use.
        var families: [String]
        /// Given names a bare mention may use once the person is named in the document (`Megumi`).
        var given: [String] = []
        /// Whether a bare family name may mean this person when another person of that family name
        /// is also in the document; false for gazetteer people marked `bare_family_name: false`.
        var bareFamilyName = true

        /// Every single word a bare mention may use for the person.
        var callNames: [String] { families + given }
    }

    let gazetteer: Gazetteer
    let patterns: EntityPatterns

    /// Mentions for a document's selected candidates (in document order), with warnings for
    /// ambiguous names; `location(sentence)` names a sentence in diagnostics.
    func link(_ found: [Found], location: (Int) -> String, diagnostics: inout [Diagnostic]) -> [Mention] {
        // Full names of people, by family name, for bare names that come before them.
        var fullPeople: [Person?] = []
        var laterByFamily: [String: LaterNames] = [:]
        for (index, item) in found.enumerated() {
            let person = fullPerson(item)
            fullPeople.append(person)
            for family in person?.callNames ?? [] { laterByFamily[family, default: LaterNames()].append(index, person!) }
        }

        var lastSeen: [String: (person: Person, index: Int)] = [:]
        var idsByFamily: [String: [String]] = [:]
        var sameForm: [String: String] = [:]
        func remember(_ person: Person, at index: Int) {
            lastSeen[person.id] = (person, index)
            for family in person.callNames where !(idsByFamily[family] ?? []).contains(person.id) {
                idsByFamily[family, default: []].append(person.id)
            }
        }

        var mentions: [Mention] = []
        for (index, item) in found.enumerated() {
            func mention(_ type: EntityType, _ id: String, _ name: String, _ rule: String) {
                mentions.append(Mention(sentenceIndex: item.sentence, start: item.start, end: item.end, text: item.text,
                                        type: type.rawValue, entityID: id, entityName: name, rule: rule))
            }
            switch item.candidate.source {
            case let .entry(entry, demonym):
                let line = gazetteer.entries[entry].rule
                mention(demonym ? .norp : gazetteer.types[entry], line.id, line.name, line.id)
                if let person = fullPeople[index] { remember(person, at: index) }
            case let .pattern(pattern):
                let rule = patterns.lines[pattern].rule.id
                if let id = patterns.articleEntities[pattern], let entry = gazetteer.indexByID[id] {
                    mention(patterns.types[pattern] ?? gazetteer.types[entry], id, gazetteer.entries[entry].rule.name, rule)
                } else if let person = fullPeople[index] {
                    mention(.person, person.id, person.name, rule)
                    remember(person, at: index)
                } else {
                    let slug = EntityText.slug(item.text)
                    if let entry = gazetteer.indexByID[slug] {
                        mention(gazetteer.types[entry], slug, gazetteer.entries[entry].rule.name, rule)
                    } else {
                        mention(patterns.types[pattern] ?? .org, slug, item.text, rule)
                    }
                }
            case .bare:
                // A name in capitals (`KAMIKAWA`) is looked up as it is written in prose.
                let word = EntityText.nameCase(item.text)
                let title = item.candidate.title
                let form = (title.map(patterns.roleKey) ?? "") + "|" + word
                let linkRule = title == nil ? Self.surnameRule : Self.titleSurnameRule
                var resolved: (person: Person, rule: String)?
                if let id = sameForm[form], let seen = lastSeen[id] {
                    resolved = (seen.person, linkRule)
                } else if let best = Self.mostRecent((idsByFamily[word] ?? []).compactMap({ lastSeen[$0] })
                    .filter({ compatible($0.person, title, strict: false) }), preferBare: title == nil) {
                    resolved = (best.person, linkRule)
                } else if let person = laterByFamily[word]?.onlyPerson(after: index), compatible(person, title, strict: false) {
                    resolved = (person, linkRule)
                } else {
                    let entries = (gazetteer.entriesByFamily[word] ?? []).filter { entry in
                        let person = self.person(entry: entry)
                        if let title, patterns.gender(of: title) == nil { return compatible(person, title, strict: true) }
                        return gazetteer.entries[entry].rule.bareFamilyName != false && compatible(person, title, strict: true)
                    }
                    if entries.count == 1 {
                        resolved = (person(entry: entries[0]), gazetteer.entries[entries[0]].rule.id)
                    } else if entries.count > 1 {
                        let names = entries.map { "\(gazetteer.entries[$0].rule.name) (\(gazetteer.entries[$0].rule.id))" }.joined(separator: ", ")
                        let slug = EntityText.slug(word)
                        diagnostics.append(Diagnostic(
                            severity: .warning, stage: "annotate", code: "ambiguous-name", location: location(item.sentence),
                            message: "'\(item.text)' could be \(names), and no full name in the document decides; it is kept as PERSON '\(slug)' — name the person in full in the article, or record a mention correction"))
                        mention(.person, slug, word, Self.unresolvedRule)
                        continue
                    } else if let title {
                        resolved = (derivedPerson(named: word, title: title), patterns.lines[title.pattern].rule.id)
                    }
                }
                guard let resolved else { continue }
                mention(.person, resolved.person.id, resolved.person.name, resolved.rule)
                remember(resolved.person, at: index)
                sameForm[form] = resolved.person.id
            }
        }
        return mentions
    }

    /// The full names with one family name, in document order, and for each position whether every
    /// full name from there on is the same person; so a forward look-up is a binary search, and
    /// linking stays linear in the length of the document.
    struct LaterNames {
        private var indices: [Int] = []
        private var people: [Person] = []
        /// `sameFrom[i]` is true when `people[i...]` are all one person; kept exact by ``append(_:_:)``.
        private var sameFrom: [Bool] = []

        mutating func append(_ index: Int, _ person: Person) {
            indices.append(index)
            people.append(person)
            // Walking back from the new last element keeps the table exact in amortised constant time.
            sameFrom.append(true)
            var position = sameFrom.count - 2
            while position >= 0 && sameFrom[position] && people[position].id != person.id {
                sameFrom[position] = false
                position -= 1
            }
        }

        /// The one person every full name after `index` names, or nil when there is none or several.
        func onlyPerson(after index: Int) -> Person? {
            var low = 0
            var high = indices.count
            while low < high {
                let middle = (low + high) / 2
                if indices[middle] > index { high = middle } else { low = middle + 1 }
            }
            guard low < indices.count, sameFrom[low] else { return nil }
            return people[low]
        }
    }

    /// The person a full name stands for: a gazetteer person, or a person a title pattern found.
    private func fullPerson(_ item: Found) -> Person? {
        switch item.candidate.source {
        case let .entry(entry, demonym):
            return !demonym && gazetteer.types[entry] == .person ? person(entry: entry) : nil
        case let .pattern(pattern):
            guard patterns.types[pattern] == .person else { return nil }
            return derivedPerson(named: item.text, title: item.candidate.title, order: patterns.nameOrder(of: pattern, text: item.text))
        case .bare:
            return nil
        }
    }

    /// A gazetteer person.
    func person(entry: Int) -> Person {
        let line = gazetteer.entries[entry].rule
        var person = Person(id: line.id, name: line.name, gender: line.gender, roles: gazetteer.roleKeys[entry], families: line.family.map { [$0] } ?? [])
        person.given = Self.givenNames(of: line.name.split(separator: " ").map(String.init), families: person.families)
        person.bareFamilyName = line.bareFamilyName != false
        return person
    }

    /// Of the people seen, the one mentioned last; for a bare family name (`preferBare`), the one
    /// mentioned last among those a bare family name may mean, if any (`Kim` after `Kim Jong Un` and
    /// a passing `Kim Jong Il` stays Kim Jong Un).
    static func mostRecent(_ seen: [(person: Person, index: Int)], preferBare: Bool) -> (person: Person, index: Int)? {
        let eligible = preferBare ? seen.filter(\.person.bareFamilyName) : []
        return (eligible.isEmpty ? seen : eligible).max(by: { $0.index < $1.index })
    }

    /// The given name a bare mention may use: the first word of a name whose family name is the last
    /// word (`Megumi` of `Megumi Yokota`), unless it is an initial.
    static func givenNames(of names: [String], families: [String]) -> [String] {
        guard names.count >= 2, let first = names.first, let last = names.last, families == [last], first.count >= 3, !first.hasSuffix(".") else { return [] }
        return [first]
    }

    /// A person known only by a name a pattern found. The id is the name's slug; when that slug, the
    /// slug without initials or the slug of the two names swapped (`Iwaya Takeshi`) is a gazetteer
    /// person's id, it is that person.
    func derivedPerson(named written: String, title: EntityCandidate.Title?, order: EntityPatterns.NameOrder = .usual) -> Person {
        let name = EntityText.nameCase(written)
        let parts = name.split(separator: " ").map(String.init)
        let names = parts.filter { !($0.count == 2 && $0.hasSuffix(".")) }
        var ids = [EntityText.slug(name), EntityText.slug(names.joined(separator: " "))]
        if names.count == 2 { ids.append(EntityText.slug(names[1] + " " + names[0])) }
        for id in ids {
            if let entry = gazetteer.indexByID[id], gazetteer.types[entry] == .person { return person(entry: entry) }
        }
        var roles: [String] = []
        var gender: String?
        if let title {
            if let implied = patterns.gender(of: title) { gender = implied } else { roles = [patterns.roleKey(of: title)] }
        }
        var families = Self.families(of: names)
        switch order {
        case .usual: break
        case .familyFirst: families = Array(names.prefix(1))
        case .either: families = names.count == 2 ? names : families
        }
        var person = Person(id: ids[0], name: name, gender: gender, roles: roles, families: families)
        person.given = Self.givenNames(of: names, families: families)
        return person
    }

    /// The family name of a name a pattern found: the last word, except that a hyphenated given name
    /// after the first word marks the Korean order, family name first (`Cheong Seong-chang`).
    static func families(of names: [String]) -> [String] {
        guard let last = names.last else { return [] }
        if names.count >= 2, names.dropFirst().contains(where: { $0.contains("-") }) { return [names[0]] }
        return [last]
    }

    /// Words that make a title a different rank, not a narrower portfolio.
    static let ranks = ["vice", "deputy", "assistant", "acting", "under", "co", "first vice", "senior"]

    /// Whether a person may be the one a title names. `strict` demands a listed role for role titles,
    /// as the gazetteer does; within a document, a person seen without a role is compatible with any.
    private func compatible(_ person: Person, _ title: EntityCandidate.Title?, strict: Bool) -> Bool {
        guard let title else { return true }
        if let gender = patterns.gender(of: title) { return person.gender == nil || person.gender == gender }
        let role = patterns.roleKey(of: title)
        if person.roles.isEmpty { return !strict }
        // In the gazetteer the role must be listed as written (`Chairman` is not `Vice Chairman`); in a
        // document a shorter title may repeat a longer one (`Minister Tanabe` after `Foreign Minister Aiko Tanabe`).
        // A portfolio may be left out (`Minister` for a listed `Foreign Minister`), a rank may not (`Chairman` is no `Vice Chairman`).
        return person.roles.contains { listed in
            guard listed != role else { return true }
            guard listed.hasSuffix(" " + role) else { return false }
            return !strict || !Self.ranks.contains(where: { listed.hasPrefix($0 + " ") })
        }
    }
}
