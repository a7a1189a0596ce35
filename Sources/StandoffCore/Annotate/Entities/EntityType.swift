/// The OntoNotes entity types Standoff annotates.
///
/// OntoNotes' LOC (regions, seas, peninsulas) is folded into GPE, so every place is a GPE.
public enum EntityType: String, Sendable, CaseIterable, Equatable {
    /// People, real or fictional.
    case person = "PERSON"
    /// Countries, cities, regions and other places, including a capital named for its government.
    case gpe = "GPE"
    /// Governments' bodies, agencies, armed forces, parties, think tanks, media and companies.
    case org = "ORG"
    /// Nationalities and national groups (`Japanese`, `North Korean`); the id is the country's.
    case norp = "NORP"
    /// Named summits, talks, declarations, wars and disasters.
    case event = "EVENT"

    /// The type names, comma-separated, for messages.
    static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
