/// A JSON value rendered deterministically: object keys sorted, no floats, UTF-8 text, so
/// files written from it diff line by line and rebuild byte for byte.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    /// `.string(value)` or `.null`.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// The value on one line, keys sorted.
    public var rendered: String {
        var output = ""
        render(into: &output)
        return output
    }

    private func render(into output: inout String) {
        switch self {
        case let .string(value): output += RowEncoding.jsonString(value)
        case let .integer(value): output += String(value)
        case let .bool(value): output += value ? "true" : "false"
        case .null: output += "null"
        case let .array(items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                item.render(into: &output)
            }
            output += "]"
        case let .object(members):
            output += "{"
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { output += "," }
                output += RowEncoding.jsonString(key) + ":"
                members[key]!.render(into: &output)
            }
            output += "}"
        }
    }
}
