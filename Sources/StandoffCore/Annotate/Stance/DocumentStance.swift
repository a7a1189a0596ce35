/// A document's stance toward one target, aggregated from its sentences' rows.
///
/// Only sentences the author holds count; quoted and reported speakers' sentences do not. The
/// label is `favor` when the author's favor sentences outnumber the against ones, `against` when
/// the against ones outnumber the favor ones, and `none` when they are equal (including when
/// there are none of either).
public struct DocumentStance: Sendable, Equatable {
    /// The target id.
    public var target: String
    /// `favor`, `against` or `none`.
    public var label: String
    /// Author sentences labelled favor.
    public var favor: Int
    /// Author sentences labelled against.
    public var against: Int
    /// Author sentences labelled none.
    public var none: Int

    public init(target: String, label: String, favor: Int, against: Int, none: Int) {
        self.target = target
        self.label = label
        self.favor = favor
        self.against = against
        self.none = none
    }

    /// Aggregates the rows of `stances` for `target`.
    public static func aggregate(_ stances: [Stance], target: String) -> DocumentStance {
        var counts: [String: Int] = [:]
        for stance in stances where stance.target == target && stance.holder == StanceAnnotator.author {
            counts[stance.label, default: 0] += 1
        }
        let favor = counts["favor", default: 0], against = counts["against", default: 0]
        return DocumentStance(target: target, label: favor > against ? "favor" : against > favor ? "against" : "none",
                              favor: favor, against: against, none: counts["none", default: 0])
    }

    /// The stance as one JSON object, as the snapshot header and `standoff stats --json` write it.
    public var json: JSONValue {
        .object(["target": .string(target), "label": .string(label), "n_favor": .integer(favor),
                 "n_against": .integer(against), "n_none": .integer(none)])
    }
}

extension DocumentStance: Packable {
    public func pack(into writer: inout PackWriter) {
        writer.write(pooled: target)
        writer.write(pooled: label)
        writer.write(favor)
        writer.write(against)
        writer.write(none)
    }

    public init(unpacking reader: inout PackReader) {
        self.init(target: reader.readPooled(), label: reader.readPooled(), favor: reader.readInt(), against: reader.readInt(), none: reader.readInt())
    }
}
