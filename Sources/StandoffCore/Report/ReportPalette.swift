/// The report's colours, from Okabe and Ito's palette for colour-blind readers: blue against
/// vermillion for the two stance labels, and one hue per entity type. Every colour comes with a
/// light tint for backgrounds, dark enough text stays readable on it (a test checks the contrast
/// and that the colours stay apart under simulated colour blindness). Colour is never the only
/// signal: stance labels also differ by underline style and badge, entity types by their label.
public enum ReportPalette {
    /// One colour: the full hue (borders, bars, underlines) and its background tint.
    public struct Swatch: Sendable, Equatable {
        /// What the colour stands for: a stance label or an entity type.
        public var name: String
        /// `#RRGGBB`, the Okabe–Ito hue.
        public var hue: String
        /// `#RRGGBB`, a light tint of the hue for backgrounds behind text.
        public var tint: String
    }

    /// The text colour used on every tint.
    public static let text = "#1A1A1A"

    /// Stance labels in the order legends list them.
    public static let stance: [Swatch] = [
        Swatch(name: "favor", hue: "#0072B2", tint: "#D6E8F5"),
        Swatch(name: "against", hue: "#D55E00", tint: "#FBE2CF"),
        Swatch(name: "none", hue: "#8C8C8C", tint: "#FFFFFF"),
    ]

    /// Entity types in ``EntityType`` order.
    public static let entities: [Swatch] = [
        Swatch(name: EntityType.person.rawValue, hue: "#CC79A7", tint: "#F5E1EC"),
        Swatch(name: EntityType.gpe.rawValue, hue: "#56B4E9", tint: "#DDF0FB"),
        Swatch(name: EntityType.org.rawValue, hue: "#E69F00", tint: "#FCEDCC"),
        Swatch(name: EntityType.norp.rawValue, hue: "#009E73", tint: "#CFEEE5"),
        Swatch(name: EntityType.event.rawValue, hue: "#F0E442", tint: "#FBF7CF"),
    ]

    /// The swatch of a stance label, grey for a label the palette does not know.
    public static func stance(_ label: String) -> Swatch {
        stance.first { $0.name == label } ?? stance[2]
    }

    /// The swatch of an entity type, grey for a type the palette does not know.
    public static func entity(_ type: String) -> Swatch {
        entities.first { $0.name == type } ?? Swatch(name: type, hue: "#8C8C8C", tint: "#EEEEEE")
    }
}
