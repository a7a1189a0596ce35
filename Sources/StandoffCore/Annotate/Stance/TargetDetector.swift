/// A mention as the stance rules see it: its place in the sentence, entity and type.
struct SentenceMention: Sendable, Equatable {
    /// Code-point offsets into the sentence.
    let range: Range<Int>
    let entityID: String
    let type: String
    /// The country the entity stands for or acts for, where the gazetteer records one.
    var country: String? = nil
}

/// Decides whether a sentence refers to a target's talks, from the target's topic words and the
/// entity mentions around them.
///
/// Each topic word (`summit`, `talks`, `diplomacy`, …) gets its participants: the names joined to
/// it before (`Japan-North Korea summit`, `Tokyo’s diplomacy`, `Japan’s attempts to talk`, not
/// `Seoul welcomed the talks`) and after
/// (`summit with Kim`, `talks between Japan and North Korea`, `meet Kim`). A mention belongs to a
/// party by its country (`Tokyo`, `Kishida` → `japan`) or the target's entity lists (see
/// ``StanceTarget``); a country, nationality or person outside both parties is a third party. The sentence's reference is then:
/// - `named` when some topic word's participants, or failing those the sentence's mentions, cover
///   both parties;
/// - `other` when the talks named are someone else's (a third party takes part, two third
///   countries and no party are named, or talks with one party follow a third country that
///   opens the sentence: `Washington should reopen its channel to Pyongyang`); one third
///   country alone is otherwise an onlooker (`Washington should welcome the summit`);
/// - `uncertain` when talks joined to no one stand in a sentence naming one party and a third
///   country: the running topic decides (see ``RunningTopic``);
/// - `implied` when the talks named have at most one party and no third: they are the target's
///   if the running topic is, or if the sentence names one party and the document named the
///   other before (`Kim sent condolences. Kishida said he hoped to hold a summit.`; see ``RunningTopic``).
///
/// A place named after `in`, `at` or `from` is where talks happen, not who takes part, so it is
/// neither party nor third party.
struct TargetDetector: Sendable {
    /// What a sentence says about a target's talks.
    enum Reference: Sendable, Equatable {
        /// Talks between both parties are named; the spans are the topic words.
        case named([Range<Int>])
        /// Talks are named without saying between whom; `parties` are the target's parties the sentence names.
        case implied([Range<Int>], parties: Set<Int>)
        /// Talks joined to no one, in a sentence that names one party and a third country
        /// (`a summit now, with Kim flush with Russian cash`): the target's while the document's
        /// topic is, someone else's otherwise.
        case uncertain([Range<Int>])
        /// Someone else's talks are named.
        case other
        /// No talks are named.
        case none
    }

    static let named = StanceRuleDescription(
        identifier: "target-named",
        summary: "The sentence names talks, a summit or diplomacy between the target's two parties (their countries, capitals, leaders).",
        examples: [
            StanceRuleExample("Tokyo should seize the chance to meet Kim.", label: "favor"),
            StanceRuleExample("A Japan-North Korea summit is worth attempting.", label: "favor"),
            StanceRuleExample("The U.S.-North Korea talks are worth attempting.", label: "none", fires: false),
        ]
    )

    static let implied = StanceRuleDescription(
        identifier: "target-implied",
        summary: "The sentence names talks without saying between whom (or with one party only), and the running topic is the target's talks.",
        examples: [
            StanceRuleExample("Talks would only reward Pyongyang.", label: "against"),
            StanceRuleExample("A summit looks unlikely this year.", label: "none"),
            StanceRuleExample("Talks with Beijing would only reward Pyongyang.", label: "none", fires: false),
        ]
    )

    static let running = StanceRuleDescription(
        identifier: "target-running",
        summary: "The sentence names no talks but holds a favor or against cue, and the running topic is the target's talks.",
        examples: [
            StanceRuleExample("Maximum pressure has failed and should be abandoned.", label: "favor"),
            StanceRuleExample("Tokyo should keep up maximum pressure on Pyongyang.", label: "against"),
        ]
    )

    let target: StanceRules.CompiledTarget

    /// Which side a mention is on.
    enum Side: Equatable {
        case party(Int)
        /// A country or nationality outside both parties.
        case thirdCountry
        /// A person outside both parties: a third party when taking part in talks.
        case otherPerson
        /// Organisations, events and the like: no side.
        case none
    }

    /// A mention's side: by its entity or its `country` (`Tokyo`, `Kishida` → Japan); countries and
    /// nationalities of other countries are third countries; regions (no country) and
    /// organisations of other countries take no side.
    func side(of mention: SentenceMention) -> Side {
        if let party = target.partyOfEntity[mention.entityID] { return .party(party) }
        if let country = mention.country, let party = target.partyOfEntity[country] { return .party(party) }
        switch mention.type {
        case "GPE", "NORP": return mention.country == nil ? .none : .thirdCountry
        case "PERSON": return .otherPerson
        default: return .none
        }
    }

    /// What a sentence says about the target: where it refers to it, the target's parties it
    /// names and whether it names a third country, venues aside. Each mention's side and whether it is a venue are told once here
    /// for both.
    func read(_ text: StanceText, mentions: [SentenceMention]) -> (reference: Reference, parties: Set<Int>, namesThirdCountry: Bool) {
        let sides = mentions.map(side(of:))
        let venues = mentions.map { isVenue($0, in: text) }
        let parties = Set(mentions.indices.compactMap { index -> Int? in
            guard !venues[index], case let .party(party) = sides[index] else { return nil }
            return party
        })
        let namesThirdCountry = mentions.indices.contains { !venues[$0] && sides[$0] == .thirdCountry }
        return (reference(in: text, mentions: mentions, sides: sides, venues: venues), parties, namesThirdCountry)
    }

    /// Where `text` refers to the target, given each mention's side and whether it is a venue.
    func reference(in text: StanceText, mentions: [SentenceMention], sides: [Side], venues: [Bool]) -> Reference {
        var topics: [Range<Int>] = []
        for index in target.topics.indices { topics += text.matches(of: target.topics[index]) }
        topics.sort { $0.lowerBound < $1.lowerBound }
        guard !topics.isEmpty else { return .none }

        var participantsByTopic: [[Int]] = []
        var taken: Set<Int> = []
        for topic in topics {
            let participants = self.participants(of: topic, in: text, mentions: mentions)
            participantsByTopic.append(participants)
            if participants.contains(where: { [.thirdCountry, .otherPerson].contains(sides[$0]) }) {
                taken.formUnion(participants)
            }
        }
        // Mentions that take part in someone else's talks say nothing about these, nor do venues.
        let free = mentions.indices.filter { !taken.contains($0) && !venues[$0] }
        let freeParties = Set(free.compactMap { if case let .party(party) = sides[$0] { party } else { nil } })
        let freeThirdCountries = Set(free.filter { sides[$0] == .thirdCountry }.map { mentions[$0].entityID })
        let freeThirdCountry = !freeThirdCountries.isEmpty

        var named: [Range<Int>] = []
        var implied: [Range<Int>] = []
        var uncertain: [Range<Int>] = []
        var other = false
        let mentionSides = sides
        for (topic, participants) in zip(topics, participantsByTopic) {
            let sides = participants.map { sides[$0] }
            if sides.contains(.thirdCountry) || sides.contains(.otherPerson) {
                other = true
                continue
            }
            let parties = Set(sides.compactMap { if case let .party(party) = $0 { party } else { nil } })
            if parties.union(freeParties).count == 2 {
                named.append(topic)
            } else if !participants.isEmpty, let subject = free.first, subject == mentions.indices.first(where: { !venues[$0] }),
                      mentionSides[subject] == .thirdCountry {
                // A third country opening the sentence is whose talks these are (`Washington
                // should reopen its channel to Pyongyang`).
                other = true
            } else if participants.isEmpty && freeThirdCountries.count >= 2 && freeParties.isEmpty {
                // Two third countries and no party: they are the two sides.
                other = true
            } else if participants.isEmpty && freeThirdCountry && !freeParties.isEmpty {
                // One party and a third country: either could be the counterpart.
                uncertain.append(topic)
            } else {
                implied.append(topic)
            }
        }
        if !named.isEmpty { return .named(named) }
        if other { return .other }
        if implied.isEmpty { return .uncertain(uncertain) }
        return .implied(implied + uncertain, parties: freeParties)
    }

    /// Whether a place is named as a venue: right after `in`, `at` or `from`.
    func isVenue(_ mention: SentenceMention, in text: StanceText) -> Bool {
        guard mention.type == "GPE" else { return false }
        let before = text.tokenIndex(before: mention.range.lowerBound)
        return before >= 0 && Self.venueWords.contains(text.tokens[before].key)
    }

    static let venueWords: WordSet = ["in", "at", "from"]

    /// Indices into `mentions` of the names joined to the topic word at `topic`.
    func participants(of topic: Range<Int>, in text: StanceText, mentions: [SentenceMention]) -> [Int] {
        var found: [Int] = []
        let scalars = text.scalars
        // Before: a name, possibly possessive, then at most two lower-case words.
        if let last = mentions.indices.last(where: { mentions[$0].range.upperBound <= topic.lowerBound }),
           Gap.isLeft(scalars[mentions[last].range.upperBound..<topic.lowerBound]) {
            var chain = last
            found.append(chain)
            while chain > 0, mentions[chain - 1].range.upperBound <= mentions[chain].range.lowerBound,
                  Gap.isJoiner(scalars[mentions[chain - 1].range.upperBound..<mentions[chain].range.lowerBound]) {
                chain -= 1
                found.append(chain)
            }
        }
        // After: a preposition and at most two lower-case words, or the name right away (`meet Kim`).
        if let next = mentions.indices.first(where: { mentions[$0].range.lowerBound >= topic.upperBound }),
           Gap.isRight(scalars[topic.upperBound..<mentions[next].range.lowerBound]) {
            var chain = next
            found.append(chain)
            while chain + 1 < mentions.count, mentions[chain].range.upperBound <= mentions[chain + 1].range.lowerBound,
                  Gap.isJoiner(scalars[mentions[chain].range.upperBound..<mentions[chain + 1].range.lowerBound]) {
                chain += 1
                found.append(chain)
            }
        }
        return found
    }

    /// The text between a name and a topic word, or between two names, that joins them.
    ///
    /// Each test is the regular expression beside it, written out: running `NSRegularExpression`
    /// on every gap, each cut out of the sentence as a string, was a large part of telling
    /// participants. The expressions are the definition; the tests hold the two in agreement.
    enum Gap {
        /// Before the topic word: a possessive and up to two words (`Japan’s attempts to talk`), or
        /// at most one modifier (`U.S.-North Korea denuclearization talks`); more words would cross a verb.
        static let leftPattern = "^['’]s(?:[ ][a-z][a-z-]*){0,2}[ ]$|^(?:[ ][a-z][a-z-]*)?[ ]$|^['’]s[ ]?$"
        /// After the topic word: nothing but a space, or a preposition and at most two lower-case words.
        static let rightPattern = "^[ ](?:(?:with|between|to|toward|towards|and)[ ](?:[a-z][\\p{L}-]*[ ]){0,2})?$"
        /// Names joined into one side list: hyphens, dashes, slashes, `and` (a bare comma may end a clause).
        static let joinerPattern = "^(?:[ ]?[-–/][ ]?|[ ]and[ ]|,[ ]and[ ])$"

        /// Whether `gap` matches ``leftPattern``.
        static func isLeft(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
            matchesToAnAnchoredEnd(gap) { text in
                if text.count >= 2, isApostrophe(text.first!), text[text.startIndex + 1] == "s" {
                    let rest = text.dropFirst(2)
                    if rest.isEmpty || spacedWords(rest, atMost: 2, word: isLowerASCIIOrHyphen) { return true }
                }
                return spacedWords(text, atMost: 1, word: isLowerASCIIOrHyphen)
            }
        }

        /// Whether `gap` matches ``rightPattern``.
        static func isRight(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
            matchesToAnAnchoredEnd(gap) { text in
                guard text.first == " " else { return false }
                let rest = text.dropFirst()
                guard !rest.isEmpty else { return true }
                guard let space = rest.firstIndex(of: " "), prepositions.contains(String(String.UnicodeScalarView(rest[..<space]))) else { return false }
                let words = rest[space...]
                return spacedWords(words, atMost: 2) { $0 == "-" || StanceText.isLetter($0) }
            }
        }

        /// Whether `gap` matches ``joinerPattern``.
        static func isJoiner(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
            matchesToAnAnchoredEnd(gap) { text in
                if text.elementsEqual(" and ".unicodeScalars) || text.elementsEqual(", and ".unicodeScalars) { return true }
                var position = text.first == " " ? text.startIndex + 1 : text.startIndex
                guard position < text.endIndex, ["-", "–", "/"].contains(text[position]) else { return false }
                position += 1
                if position < text.endIndex && text[position] == " " { position += 1 }
                return position == text.endIndex
            }
        }

        static let prepositions: Set<String> = ["with", "between", "to", "toward", "towards", "and"]

        /// Whether `text` is a space and then at most `limit` words each followed by a space,
        /// a word being `[a-z]` and then scalars `word` accepts (none a space).
        static func spacedWords(_ text: ArraySlice<Unicode.Scalar>, atMost limit: Int, word: (Unicode.Scalar) -> Bool) -> Bool {
            guard text.first == " " else { return false }
            var position = text.startIndex + 1
            var count = 0
            while position < text.endIndex {
                guard count < limit, isLowerASCII(text[position]) else { return false }
                position += 1
                while position < text.endIndex && text[position] != " " && word(text[position]) { position += 1 }
                guard position < text.endIndex, text[position] == " " else { return false }
                position += 1
                count += 1
            }
            return true
        }

        static func isLowerASCII(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x61 && scalar.value <= 0x7A }

        static func isLowerASCIIOrHyphen(_ scalar: Unicode.Scalar) -> Bool { isLowerASCII(scalar) || scalar == "-" }

        static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "’" }

        /// Whether `core` accepts `text` cut where an ICU `$` (without multi-line mode) may match:
        /// at the end, or just before a line terminator that ends the text (`\r\n` counting as one).
        static func matchesToAnAnchoredEnd(_ text: ArraySlice<Unicode.Scalar>, _ core: (ArraySlice<Unicode.Scalar>) -> Bool) -> Bool {
            if core(text) { return true }
            guard let last = text.last else { return false }
            let crlf = last == "\n" && text.count >= 2 && text[text.endIndex - 2] == "\r"
            if crlf { return core(text.dropLast(2)) }
            let isTerminator = (0x0A...0x0D).contains(last.value) || last.value == 0x85 || last.value == 0x2028 || last.value == 0x2029
            return isTerminator && core(text.dropLast())
        }
    }
}
