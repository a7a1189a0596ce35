/// The tables of one release, as rows by table name, ready to be compared with another release.
public struct ReleaseTables: Sendable, Equatable {
    /// How the release is named in a report: usually `<name>-<version>`.
    public var label: String
    /// The content fingerprint recorded in the release's `datapackage.json`, when there is one.
    public var fingerprint: String?
    /// Table name (`documents`, `sentences`, `mentions`, `stances`, `removed`) → rows in file order.
    /// A table the release does not have is empty.
    public var tables: [String: [TableRow]]

    /// Creates the tables of a release.
    public init(label: String, fingerprint: String? = nil, tables: [String: [TableRow]]) {
        self.label = label
        self.fingerprint = fingerprint
        self.tables = tables
    }

    /// The rows of `table`, empty when the release does not have it.
    public func rows(_ table: String) -> [TableRow] {
        tables[table] ?? []
    }
}
