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
        var output = UTF8Buffer()
        render(into: &output)
        return output.string
    }

    /// Appends the value on one line, keys sorted.
    public func render(into output: inout UTF8Buffer) {
        switch self {
        case let .string(value): output.append(jsonString: value)
        case let .integer(value): output.append(integer: value)
        case let .bool(value): output.append(value ? "true" : "false")
        case .null: output.append("null")
        case let .array(items):
            output.append(byte: 0x5B)
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(byte: 0x2C) }
                item.render(into: &output)
            }
            output.append(byte: 0x5D)
        case let .object(members):
            output.append(byte: 0x7B)
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { output.append(byte: 0x2C) }
                output.append(jsonString: key)
                output.append(byte: 0x3A)
                members[key]!.render(into: &output)
            }
            output.append(byte: 0x7D)
        }
    }
}
