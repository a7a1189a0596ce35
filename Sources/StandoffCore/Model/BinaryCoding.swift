/// A compact byte encoding for the document cache and packed summaries: integers as zigzag LEB128 varints, strings as
/// a length and their UTF-8 bytes, optionals as a presence byte.
///
/// The cache is read back on every run, so it must decode far faster than the stages it saves;
/// `JSONDecoder` would take about as long as annotating again.
///
/// ```
/// 0 → 00, -1 → 01, 1 → 02, 300 → D8 04, "Kim" → 03 4B 69 6D, nil → 00, "x"? → 01 01 78
/// ```
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Forgets what was written, keeping the capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Bytes as they are, such as a format's magic.
    public mutating func write(raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    public mutating func write(_ value: Int) {
        // Zigzag: small magnitudes of either sign stay one byte.
        var remaining = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ value: String?) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(value)
    }

    public mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }

    public mutating func write(_ values: [Int]) {
        write(values.count)
        for value in values { write(value) }
    }
}

/// Reads what ``BinaryWriter`` wrote; any inconsistency throws, so a damaged entry is never half-read.
public struct BinaryReader: Sendable {
    /// The bytes end early or hold a value the writer cannot have written.
    public struct Malformed: Error {
        public init() {}
    }

    private let bytes: [UInt8]
    public private(set) var position = 0

    public init(_ bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    public var isAtEnd: Bool { position == bytes.count }

    /// Reads `raw.count` bytes and checks they are `raw`.
    public mutating func expect(raw: [UInt8]) throws {
        guard bytes.count - position >= raw.count, bytes[position..<(position + raw.count)].elementsEqual(raw) else { throw Malformed() }
        position += raw.count
    }

    public mutating func readInt() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let decoded = Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
        return Int(decoded)
    }

    /// A count of items that each take at least one byte, so a damaged count cannot ask for more than is there.
    public mutating func readCount() throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.count - position else { throw Malformed() }
        return count
    }

    /// The next `count` bytes as they are.
    public mutating func readBytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - position else { throw Malformed() }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    public mutating func readString() throws -> String {
        let count = try readCount()
        defer { position += count }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[position..<(position + count)]), as: UTF8.self) }
    }

    public mutating func readOptionalString() throws -> String? {
        guard position < bytes.count else { throw Malformed() }
        position += 1
        switch bytes[position - 1] {
        case 0: return nil
        case 1: return try readString()
        default: throw Malformed()
        }
    }

    public mutating func readStrings() throws -> [String] {
        try (0..<readCount()).map { _ in try readString() }
    }

    public mutating func readInts() throws -> [Int] {
        try (0..<readCount()).map { _ in try readInt() }
    }
}
