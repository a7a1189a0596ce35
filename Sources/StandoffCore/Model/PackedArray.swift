/// A value that can be kept as bytes in a ``PackedArray``.
public protocol Packable {
    /// Writes the value's fields in a fixed order.
    func pack(into writer: inout PackWriter)
    /// Reads the fields back in the same order.
    init(unpacking reader: inout PackReader)
}

/// An append-only array that keeps its elements as bytes in a few large buffers, with strings that repeat
/// (codes, labels, outlet names, diagnostic messages) stored once.
///
/// A build keeps a little about every document until the end (the card's sources table, every
/// warning); as ordinary arrays of structs of strings that is several heap objects per document,
/// and at 100k documents it was most of the memory a run grew by. Packed, a document's entry is
/// one run of bytes. Reading an element decodes it, so this suits data read a few times at the end.
///
/// ```
/// var list = PackedArray<Diagnostic>()
/// list.append(warning)   // 'Kim' could be …  → the message is stored once however often it repeats
/// list[0] == warning     // true
/// ```
public struct PackedArray<Element: Packable>: RandomAccessCollection, Sendable {
    /// The bytes, in chunks that never grow past their first capacity: one growing buffer would
    /// double its capacity as it fills and, while copying, hold the old and the new at once.
    private var chunks: [[UInt8]] = []
    /// Each element's chunk (high 32 bits) and offset in it (low 32 bits).
    private var starts: [Int] = []
    private var pool = StringPool()
    /// Where an element is encoded before it is copied into a chunk; kept to reuse its capacity.
    private var scratch = BinaryWriter()

    /// The largest chunk; a larger element gets a chunk of its own.
    static var chunkCapacity: Int { 1 << 20 }

    public init() {}

    public init(_ elements: some Sequence<Element>) {
        append(contentsOf: elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count }

    public subscript(position: Int) -> Element {
        let start = starts[position]
        var reader = PackReader(reader: BinaryReader(chunks[start >> 32], position: start & 0xFFFF_FFFF), pool: pool)
        return Element(unpacking: &reader)
    }

    public mutating func append(_ element: Element) {
        // Moved out and back, so neither is shared while it grows (no copy per append).
        var writer = PackWriter()
        scratch.removeAll()
        swap(&writer.writer, &scratch)
        swap(&writer.pool, &pool)
        element.pack(into: &writer)
        swap(&writer.writer, &scratch)
        swap(&writer.pool, &pool)

        let count = scratch.bytes.count
        if chunks.isEmpty || chunks[chunks.count - 1].count + count > chunks[chunks.count - 1].capacity {
            // Chunks start small and double up to the largest, so a short list stays small.
            let held = chunks.last?.capacity ?? 0
            var chunk: [UInt8] = []
            chunk.reserveCapacity(Swift.max(count, Swift.min(Self.chunkCapacity, Swift.max(4096, 2 * held))))
            chunks.append(chunk)
        }
        let chunk = chunks.count - 1
        starts.append(chunk << 32 | chunks[chunk].count)
        chunks[chunk].append(contentsOf: scratch.bytes)
    }

    public mutating func append(contentsOf elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    public static func += (list: inout PackedArray, elements: some Sequence<Element>) {
        list.append(contentsOf: elements)
    }
}

extension PackedArray: Equatable where Element: Equatable {
    public static func == (left: PackedArray, right: PackedArray) -> Bool {
        left.elementsEqual(right)
    }
}

/// A string on its own, e.g. a path in a list of many.
extension String: Packable {
    public func pack(into writer: inout PackWriter) { writer.write(self) }
    public init(unpacking reader: inout PackReader) { self = reader.readString() }
}

/// Strings stored once, by number.
public struct StringPool: Sendable {
    public private(set) var strings: [String] = []
    private var numbers: [String: Int] = [:]

    public init() {}

    /// The string's number, adding it (as number `strings.count`) the first time.
    public mutating func number(of string: String) -> Int {
        if let number = numbers[string] { return number }
        strings.append(string)
        numbers[string] = strings.count - 1
        return strings.count - 1
    }
}

/// Writes an element's fields: plain strings for values of their own (ids, paths), pooled ones
/// for values that repeat.
public struct PackWriter {
    var writer = BinaryWriter()
    var pool = StringPool()

    public mutating func write(_ value: Int) { writer.write(value) }
    public mutating func write(_ value: String) { writer.write(value) }
    public mutating func write(_ value: String?) { writer.write(value) }
    public mutating func write(_ values: [String]) { writer.write(values) }

    public mutating func write(pooled value: String) {
        writer.write(pool.number(of: value))
    }

    /// A lowercase hex digest (such as a SHA-256) as its bytes, half the size; any other string as it is.
    public mutating func write(hexDigest value: String) {
        let digits = Array(value.utf8)
        let nibbles = digits.compactMap(Self.nibble)
        guard !digits.isEmpty, digits.count % 2 == 0, nibbles.count == digits.count else {
            writer.write(0)
            return writer.write(value)
        }
        writer.write(digits.count / 2)
        writer.write(raw: stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] })
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    public mutating func write(pooled value: String?) {
        writer.write(value.map { pool.number(of: $0) + 1 } ?? 0)
    }

    public mutating func write(pooled values: [String]) {
        writer.write(values.count)
        for value in values { write(pooled: value) }
    }
}

/// Reads what ``PackWriter`` wrote. The bytes were written by this process a moment before, so a
/// failure to read them is a programming error, not bad input.
public struct PackReader {
    var reader: BinaryReader
    let pool: StringPool

    public mutating func readInt() -> Int { try! reader.readInt() }
    public mutating func readString() -> String { try! reader.readString() }
    public mutating func readOptionalString() -> String? { try! reader.readOptionalString() }
    public mutating func readStrings() -> [String] { try! reader.readStrings() }

    public mutating func readPooled() -> String { pool.strings[readInt()] }

    /// What ``PackWriter/write(hexDigest:)`` wrote.
    public mutating func readHexDigest() -> String {
        let count = readInt()
        guard count > 0 else { return readString() }
        let hex = Array("0123456789abcdef".utf8)
        var digits: [UInt8] = []
        digits.reserveCapacity(2 * count)
        for byte in try! reader.readBytes(count) {
            digits.append(hex[Int(byte >> 4)])
            digits.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: digits, as: UTF8.self)
    }

    public mutating func readPooledOptional() -> String? {
        let number = readInt()
        return number == 0 ? nil : pool.strings[number - 1]
    }

    public mutating func readPooledStrings() -> [String] {
        (0..<readInt()).map { _ in readPooled() }
    }
}
