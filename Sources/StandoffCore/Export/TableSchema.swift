/// The shape of one exported table: its columns in order, their types and meanings, and its key.
///
/// The same schema drives the JSONL and CSV writers, the dataset card's schema section and
/// the validation of rows, so the three cannot drift apart.
public struct TableSchema: Sendable, Equatable {
    /// The kind of value a column holds.
    public enum ColumnType: String, Sendable, Equatable {
        /// Text; empty CSV field / JSON `null` when missing.
        case string
        /// A whole number.
        case integer
        /// An ISO `YYYY-MM-DD` date, or missing.
        case date
        /// A list of strings: a JSON array, and in CSV its items joined by `"; "`.
        case list
        /// A list of JSON objects: a JSON array in JSONL, and the same array as compact JSON text in CSV.
        case records
    }

    /// One column.
    public struct Column: Sendable, Equatable {
        /// The column name, `snake_case`.
        public var name: String
        /// Its type.
        public var type: ColumnType
        /// Whether a value may be missing.
        public var nullable: Bool
        /// What the column means, for the dataset card.
        public var description: String
        /// The only values a label column holds, in their documented order; `nil` for free text.
        /// Loaders that have a categorical type (pandas, polars, DuckDB, R, Hugging Face) get them.
        public var categories: [String]?
        /// The keys of a `records` column's objects, as columns; empty for other types.
        public var fields: [Column]

        /// Creates a column.
        public init(name: String, type: ColumnType, nullable: Bool, description: String, categories: [String]? = nil, fields: [Column] = []) {
            self.name = name
            self.type = type
            self.nullable = nullable
            self.description = description
            self.categories = categories
            self.fields = fields
        }
    }

    /// The table name: the file stem under `data/`, e.g. `sentences`.
    public var name: String
    /// One sentence on what a row is.
    public var description: String
    /// Columns in CSV order.
    public var columns: [Column]
    /// Column names that together identify a row.
    public var primaryKey: [String]

    /// The column names in order.
    public var columnNames: [String] { columns.map(\.name) }
}

/// A single value in a table row.
public enum Cell: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case list([String])
    /// A list of JSON objects, for a `records` column.
    case records([JSONValue])
    case null

    /// `.string(value)`, or `.null` when `value` is `nil`.
    public static func optional(_ value: String?) -> Cell {
        value.map(Cell.string) ?? .null
    }
}
