/// One row of a released table, read back by column name.
///
/// Rows are kept generic so that a release with more columns than this code knows of (later
/// versions add columns, never rename them) still compares on the columns it shares.
public struct TableRow: Sendable, Equatable {
    /// Column name → value.
    public var values: [String: JSONValue]

    /// Creates a row from its values.
    public init(_ values: [String: JSONValue]) {
        self.values = values
    }

    /// The column's text, or nil when it is missing, null or not a string.
    public func string(_ column: String) -> String? {
        if case let .string(value)? = values[column] { return value }
        return nil
    }

    /// The column's whole number, or nil.
    public func integer(_ column: String) -> Int? {
        if case let .integer(value)? = values[column] { return value }
        return nil
    }

    /// The column's list of strings (a missing or null column is empty; a single string is a one-item list).
    public func strings(_ column: String) -> [String] {
        switch values[column] {
        case let .array(items)?:
            return items.compactMap { if case let .string(value) = $0 { return value } else { return nil } }
        case let .string(value)?:
            return [value]
        default:
            return []
        }
    }

    /// The column names whose values differ between this row and `other`, sorted.
    public func changedColumns(from other: TableRow) -> [String] {
        Set(values.keys).union(other.values.keys).filter { values[$0] != other.values[$0] }.sorted()
    }
}
