import Foundation

/// A committed snapshot file (``SnapshotEncoding``) as text a person reads in `git diff`: one line
/// for the document, then one short line per sentence with its label first, the holder when it is
/// not the author, the text with each mention marked inline as `[text]TYPE`, and the cues last.
///
/// ```
/// {"kind":"sentence", … "stances":[{"label":"favor","cues":[{"text":"welcome","rule":"recommend-welcome","label":"favor",…}],…}],"text":"We welcome talks with Japan."}
/// → s0003 favor   We welcome talks with [Japan]GPE. | cues: welcome=recommend-welcome:favor
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

    /// The readable text of a snapshot file's contents, one LF-terminated line per input line.
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

    private static func header(_ line: Line) -> String? {
        guard let id = line.docID else { return nil }
        var text = "# \(id)"
        if let title = line.title { text += " \"\(title)\"" }
        for stance in line.documentStances ?? [] {
            text += " | \(stance.target): \(stance.label) (favor \(stance.nFavor), against \(stance.nAgainst), none \(stance.nNone))"
        }
        let reasons = (line.removedByReason ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        text += " | removed \(line.nRemoved ?? 0)" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: ", "))
        return text
    }

    private static func sentence(_ line: Line) -> String? {
        guard let id = line.sentenceID, let text = line.text else { return nil }
        let short = id.range(of: "-s", options: .backwards).map { String(id[$0.upperBound...]) }.map { "s" + $0 } ?? id
        let stances = line.stances ?? []
        let labels = stances.count == 1 ? stances[0].label : stances.map { "\($0.target)=\($0.label)" }.joined(separator: " ")
        var output = short + " " + labels.padding(toLength: max(7, labels.count), withPad: " ", startingAt: 0) + " "
        if line.source != nil, line.source != SnapshotEncoding.ruleSource { output += "(corrected) " }
        let holders = Set(stances.map(\.holder)).subtracting([StanceAnnotator.author]).sorted()
        if !holders.isEmpty { output += "[said by \(holders.joined(separator: ", "))] " }
        output += marked(text, mentions: line.mentions ?? [])
        var cues: [String] = []
        for stance in stances {
            for cue in stance.cues ?? [] {
                let item = "\(cue.text)=\(cue.rule)" + (cue.label.map { ":" + $0 } ?? "")
                if !cues.contains(item) { cues.append(item) }
            }
        }
        if !cues.isEmpty { output += " | cues: " + cues.joined(separator: ", ") }
        return output
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
