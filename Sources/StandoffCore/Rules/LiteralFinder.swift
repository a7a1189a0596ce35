/// Finds every occurrence of a fixed set of byte strings in a text in one left-to-right pass.
///
/// Searching each literal with its own byte scan cost one pass over the text per literal, and
/// the stance patterns alone have dozens. This is an Aho–Corasick automaton compiled to a full
/// transition table over the bytes some literal uses (every other byte is one class that leads
/// back to the root), so each byte of text costs one table look-up however many literals there are.
struct LiteralFinder: Sendable, Equatable {
    /// The literals, in the order their indices refer to; none empty.
    let literals: [[UInt8]]
    /// Alphabet class of each byte; class 0 is "no literal uses this byte".
    private let byteClass: [Int32]
    private let classCount: Int
    /// `transitions[state * classCount + class]`: the next state, failure links folded in, with
    /// the sign bit set when that state or a suffix of it ends a literal, so states without
    /// outputs cost no second look-up.
    private let transitions: [Int32]
    /// Literals ending at state `s` are `outputs[outputStart[s]..<outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    /// Compiles `literals`; a literal may appear more than once, each index is reported.
    init(_ literals: [[UInt8]]) {
        precondition(literals.allSatisfy { !$0.isEmpty }, "literals must not be empty")
        self.literals = literals
        var byteClass = [Int32](repeating: 0, count: 256)
        var classCount = 1
        for literal in literals {
            for byte in literal where byteClass[Int(byte)] == 0 {
                byteClass[Int(byte)] = Int32(classCount)
                classCount += 1
            }
        }

        // The trie: children by class, then failure links breadth first.
        var children: [[Int32: Int32]] = [[:]]
        var ending: [[Int32]] = [[]]
        for (index, literal) in literals.enumerated() {
            var state: Int32 = 0
            for byte in literal {
                let symbol = byteClass[Int(byte)]
                if let next = children[Int(state)][symbol] {
                    state = next
                } else {
                    children.append([:])
                    ending.append([])
                    children[Int(state)][symbol] = Int32(children.count - 1)
                    state = Int32(children.count - 1)
                }
            }
            ending[Int(state)].append(Int32(index))
        }
        let stateCount = children.count
        var failure = [Int32](repeating: 0, count: stateCount)
        var transitions = [Int32](repeating: 0, count: stateCount * classCount)
        var order: [Int32] = [0]
        var head = 0
        while head < order.count {
            let state = Int(order[head])
            head += 1
            if state != 0 { ending[state] += ending[Int(failure[state])] }
            for symbol in 1..<classCount {
                if let child = children[state][Int32(symbol)] {
                    failure[Int(child)] = state == 0 ? 0 : transitions[Int(failure[state]) * classCount + symbol]
                    transitions[state * classCount + symbol] = child
                    order.append(child)
                } else {
                    transitions[state * classCount + symbol] = state == 0 ? 0 : transitions[Int(failure[state]) * classCount + symbol]
                }
            }
        }
        var outputStart: [Int32] = [0]
        var outputs: [Int32] = []
        for state in 0..<stateCount {
            outputs += ending[state]
            outputStart.append(Int32(outputs.count))
        }
        for index in transitions.indices where !ending[Int(transitions[index])].isEmpty {
            transitions[index] |= Int32.min
        }
        self.byteClass = byteClass
        self.classCount = classCount
        self.transitions = transitions
        self.outputStart = outputStart
        self.outputs = outputs
    }

    /// Calls `body` with the index of each literal occurrence and the offset just past its end,
    /// in order of ends (literals ending at the same byte in no particular order).
    func forEachOccurrence(in text: UnsafeBufferPointer<UInt8>, _ body: (_ literal: Int, _ end: Int) -> Void) {
        byteClass.withUnsafeBufferPointer { byteClass in
            transitions.withUnsafeBufferPointer { transitions in
                var state = 0
                for offset in text.indices {
                    let next = transitions[state * classCount + Int(byteClass[Int(text[offset])])]
                    state = Int(next & Int32.max)
                    guard next < 0 else { continue }
                    for output in outputStart[state]..<outputStart[state + 1] {
                        body(Int(outputs[Int(output)]), offset + 1)
                    }
                }
            }
        }
    }

    /// Whether any literal occurs in `text`.
    func occursAny(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        byteClass.withUnsafeBufferPointer { byteClass in
            transitions.withUnsafeBufferPointer { transitions in
                var state = 0
                for byte in text {
                    let next = transitions[state * classCount + Int(byteClass[Int(byte)])]
                    if next < 0 { return true }
                    state = Int(next)
                }
                return false
            }
        }
    }
}
