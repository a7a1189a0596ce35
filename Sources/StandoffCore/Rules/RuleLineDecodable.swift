/// What one line of a rule file decodes to: a rule type that lists the keys its lines may use,
/// so that ``RuleFile/decode(_:file:contents:)`` can refuse a misspelt key instead of ignoring it.
public protocol RuleLineDecodable: Decodable, Sendable {
    /// Every key a line may use, in the file's `snake_case`.
    static var keys: Set<String> { get }
}
