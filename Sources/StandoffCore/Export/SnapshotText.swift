import Foundation

/// A committed snapshot file (``SnapshotEncoding``) as text a person reads in `git diff`: a
/// header for the document, then each sentence with its label first, the holder when it is not
/// the author, the text with each mention marked inline as `[text]TYPE`, and the cues on a line
/// of their own; lines wrap between words at ``width`` columns, continuing under the text.
///
/// ```
/// {"kind":"sentence", … "stances":[{"label":"favor","cues":[{"text":"welcome","rule":"recommend-welcome","label":"favor",…}],…}],"text":"We welcome talks with Japan."}
/// → s0003 favor   We welcome talks with [Japan]GPE.
///                 | cues: welcome=recommend-welcome:favor
/// ```
///
/// Used as a git text conversion (`standoff snapshot-text FILE`), so a rule change reads as the
/// sentences whose label, mentions or cues it changed. A line that is not a snapshot line is
/// printed as it is, so the conversion never hides a change.
public enum SnapshotText {
    private struct Line: Decodable {
        var kind: String?
        var sentenceID: String?
        var text: String?
        var source: String?
        var mentions: [MentionLine]?
        var stances: [StanceLine]?
        // Header lines.
        var docID: String?
        var title: String?
        var nRemoved: Int?
        var removedByReason: [String: Int]?
        var documentStances: [DocumentStanceLine]?

        enum CodingKeys: String, CodingKey {
            case kind, text, source, mentions, stances, title
            case sentenceID = "sentence_id", docID = "doc_id", nRemoved = "n_removed", removedByReason = "removed_by_reason"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decodeIfPresent(String.self, forKey: .kind)
            sentenceID = try container.decodeIfPresent(String.self, forKey: .sentenceID)
            text = try container.decodeIfPresent(String.self, forKey: .text)
            source = try container.decodeIfPresent(String.self, forKey: .source)
            mentions = try container.decodeIfPresent([MentionLine].self, forKey: .mentions)
            docID = try container.decodeIfPresent(String.self, forKey: .docID)
            title = try container.decodeIfPresent(String.self, forKey: .title)
            nRemoved = try container.decodeIfPresent(Int.self, forKey: .nRemoved)
            removedByReason = try container.decodeIfPresent([String: Int].self, forKey: .removedByReason)
            // `stances` holds sentence stances on a sentence line and document stances on the header.
            if kind == "document" {
                documentStances = try container.decodeIfPresent([DocumentStanceLine].self, forKey: .stances)
            } else {
                stances = try container.decodeIfPresent([StanceLine].self, forKey: .stances)
            }
        }
    }

    private struct MentionLine: Decodable {
        var start: Int
        var end: Int
        var type: String
    }

    private struct CueLine: Decodable {
        var text: String
        var rule: String
        var label: String?
    }

    private struct StanceLine: Decodable {
        var target: String
        var label: String
        var holder: String
        var cues: [CueLine]?
    }

    private struct DocumentStanceLine: Decodable {
        var target: String
        var label: String
        var nFavor: Int
        var nAgainst: Int
        var nNone: Int

        enum CodingKeys: String, CodingKey {
            case target, label, nFavor = "n_favor", nAgainst = "n_against", nNone = "n_none"
        }
    }

    /// The readable text of a snapshot file's contents: for each input line, one or more
    /// LF-terminated lines.
    public static func render(_ contents: String) -> String {
        var output = ""
        let decoder = JSONDecoder()
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            guard let decoded = try? decoder.decode(Line.self, from: Data(line.utf8)) else {
                output += line + "\n"
                continue
            }
            output += (decoded.kind == "document" ? header(decoded) : sentence(decoded)) ?? String(line)
            output += "\n"
        }
        return output
    }

    /// The widest line the conversion writes, so a diff reads without scrolling sideways; only a
    /// single word longer than this goes past it.
    public static let width = 100

    /// A stretch of a rendered line.
    enum Piece {
        /// Text that may break between any two words.
        case words(String)
        /// Text kept on one line (a cue: its words and its rule) when it fits on one.
        case unit(String)
        /// The end of a line: what follows starts the next.
        case lineBreak
    }

    /// `first` (the line's lead, kept whole) followed by `pieces`, broken between words into lines of
    /// at most ``width`` columns, the later ones indented by `indent` spaces.
    static func wrapped(_ first: String, _ pieces: [Piece], indent: Int) -> String {
        var lines: [String] = []
        var current = first
        var currentIsEmpty = first.isEmpty
        let margin = String(repeating: " ", count: indent)
        for piece in pieces {
            let words: [Substring]
            switch piece {
            case .lineBreak:
                lines.append(current)
                current = margin
                currentIsEmpty = true
                continue
            case let .words(text): words = text.split(separator: " ", omittingEmptySubsequences: true)
            // A cue too long for a line of its own breaks like words.
            case let .unit(text): words = indent + text.count > width ? text.split(separator: " ") : [Substring(text)]
            }
            for word in words {
                if !currentIsEmpty && current.count + 1 + word.count > width {
                    lines.append(current)
                    current = margin + word
                } else {
                    current += (currentIsEmpty || current.hasSuffix(" ") ? "" : " ") + word
                }
                currentIsEmpty = false
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    private static func header(_ line: Line) -> String? {
        guard let id = line.docID else { return nil }
        var pieces: [Piece] = []
        if let title = line.title { pieces.append(.words("\"\(title)\"")) }
        for stance in line.documentStances ?? [] {
            pieces.append(.words("| \(stance.target): \(stance.label) (favor \(stance.nFavor), against \(stance.nAgainst), none \(stance.nNone))"))
        }
        let reasons = (line.removedByReason ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        pieces.append(.words("| removed \(line.nRemoved ?? 0)" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: ", "))))
        return wrapped("# \(id)", pieces, indent: 2)
    }

    private static func sentence(_ line: Line) -> String? {
        guard let id = line.sentenceID, let text = line.text else { return nil }
        let short = id.range(of: "-s", options: .backwards).map { String(id[$0.upperBound...]) }.map { "s" + $0 } ?? id
        let stances = line.stances ?? []
        let labels = stances.count == 1 ? stances[0].label : stances.map { "\($0.target)=\($0.label)" }.joined(separator: " ")
        let lead = short + " " + labels.padding(toLength: max(7, labels.count), withPad: " ", startingAt: 0) + " "
        var pieces: [Piece] = []
        if line.source != nil, line.source != SnapshotEncoding.ruleSource { pieces.append(.words("(corrected)")) }
        let holders = Set(stances.map(\.holder)).subtracting([StanceAnnotator.author]).sorted()
        if !holders.isEmpty { pieces.append(.words("[said by \(holders.joined(separator: ", "))]")) }
        pieces.append(.words(marked(text, mentions: line.mentions ?? [])))
        var cues: [String] = []
        for stance in stances {
            for cue in stance.cues ?? [] {
                let item = "\(cue.text)=\(cue.rule)" + (cue.label.map { ":" + $0 } ?? "")
                if !cues.contains(item) { cues.append(item) }
            }
        }
        // The cues on lines of their own: a rule change that moves a cue changes only them.
        if !cues.isEmpty {
            pieces += [.lineBreak, .words("| cues:")]
            pieces += cues.enumerated().map { .unit($1 + ($0 < cues.count - 1 ? "," : "")) }
        }
        return wrapped(lead, pieces, indent: lead.count)
    }

    /// The text with each mention (offsets relative to the sentence) as `[text]TYPE`.
    private static func marked(_ text: String, mentions: [MentionLine]) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var position = 0
        for mention in mentions.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            guard mention.start >= position, mention.start < mention.end, mention.end <= scalars.count else { continue }
            output.append(contentsOf: scalars[position..<mention.start])
            output.append("[")
            output.append(contentsOf: scalars[mention.start..<mention.end])
            output.append("]")
            output.append(contentsOf: mention.type.unicodeScalars)
            position = mention.end
        }
        output.append(contentsOf: scalars[position...])
        return String(output)
    }
}
