/// Reading rows back: releases are compared from their JSONL tables, whatever columns later
/// versions add, so a row is decoded into a generic value rather than a fixed struct.
extension JSONValue: Decodable {
    /// Decodes any JSON value; a number with a fraction becomes its text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode(Double.self) {
            // Standoff writes no fractions; another tool's table may, and a diff should still read it.
            self = .string(String(value))
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a JSON value")
        }
    }
}
