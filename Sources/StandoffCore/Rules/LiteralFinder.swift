/// Finds every occurrence of a fixed set of byte strings in a text in one left-to-right pass.
///
/// Searching each literal with its own byte scan cost one pass over the text per literal, and
/// the stance patterns alone have dozens. This is an Aho–Corasick automaton compiled to a full
/// transition table over the bytes some literal uses (every other byte is one class that leads
/// back to the root), so each byte of text costs one table look-up however many literals there
/// are. Those look-ups are what searching costs, so the table is kept small: 16-bit entries,
/// states numbered breadth first so the shallow states text keeps returning to share cache
/// lines. Literals that need more states than 16 bits number are split over several automata.
struct LiteralFinder: Sendable, Equatable {
    /// The literals, in the order their indices refer to; none empty.
    let literals: [[UInt8]]
    private let automata: [Automaton]

    /// Compiles `literals`; a literal may appear more than once, each index is reported.
    init(_ literals: [[UInt8]]) {
        precondition(literals.allSatisfy { !$0.isEmpty }, "literals must not be empty")
        self.literals = literals
        var automata: [Automaton] = []
        var pending = [0..<literals.count]
        while let range = pending.popLast() {
            if let automaton = Automaton(literals, range) {
                automata.append(automaton)
            } else {
                let middle = (range.lowerBound + range.upperBound) / 2
                pending += [middle..<range.upperBound, range.lowerBound..<middle]
            }
        }
        self.automata = automata
    }

    /// Calls `body` with the index of each literal occurrence and the offset just past its end,
    /// in no particular order.
    func forEachOccurrence(in text: UnsafeBufferPointer<UInt8>, _ body: (_ literal: Int, _ end: Int) -> Void) {
        for automaton in automata { automaton.forEachOccurrence(in: text, body) }
    }

    /// The automaton for a range of the literals.
    private struct Automaton: Sendable, Equatable {
        /// Alphabet class of each byte; class 0 is "no literal uses this byte".
        let byteClass: [UInt16]
        let classCount: Int
        /// `transitions[state * classCount + class]`: the next state, failure links folded in,
        /// with the top bit set when that state or a suffix of it ends a literal, so states
        /// without outputs cost no second look-up.
        let transitions: [UInt16]
        /// Literals ending at state `s` are `outputs[outputStart[s]..<outputStart[s + 1]]`.
        let outputStart: [Int32]
        let outputs: [Int32]

        static let outputFlag: UInt16 = 0x8000

        /// `nil` when the literals need more states than the table can number.
        init?(_ literals: [[UInt8]], _ range: Range<Int>) {
            var byteClass = [UInt16](repeating: 0, count: 256)
            var classCount = 1
            for literal in literals[range] {
                for byte in literal where byteClass[Int(byte)] == 0 {
                    byteClass[Int(byte)] = UInt16(classCount)
                    classCount += 1
                }
            }

            var trie = AhoCorasickTrie()
            let ends = range.map { trie.insert(literals[$0].lazy.map { Int(byteClass[Int($0)]) }) }
            let stateCount = trie.stateCount
            guard stateCount <= Int(Self.outputFlag) else { return nil }
            var ending = [[Int32]](repeating: [], count: stateCount)
            for (index, state) in zip(range, ends) { ending[state].append(Int32(index)) }

            // A state is numbered by its place in breadth-first order, so `order[n]` is the
            // trie state numbered `n`; a state also ends what its failure state ends.
            let (moves, failure, order) = trie.completed(classCount: classCount)
            var number = [Int](repeating: 0, count: stateCount)
            for (numbered, state) in order.enumerated() {
                number[state] = numbered
                if state != 0 { ending[state] += ending[failure[state]] }
            }
            var transitions = [UInt16](repeating: 0, count: stateCount * classCount)
            var outputStart: [Int32] = [0]
            var outputs: [Int32] = []
            for (numbered, state) in order.enumerated() {
                for symbol in 0..<classCount {
                    let next = moves[state * classCount + symbol]
                    transitions[numbered * classCount + symbol] = UInt16(number[next]) | (ending[next].isEmpty ? 0 : Self.outputFlag)
                }
                outputs += ending[state]
                outputStart.append(Int32(outputs.count))
            }
            self.byteClass = byteClass
            self.classCount = classCount
            self.transitions = transitions
            self.outputStart = outputStart
            self.outputs = outputs
        }

        func forEachOccurrence(in text: UnsafeBufferPointer<UInt8>, _ body: (_ literal: Int, _ end: Int) -> Void) {
            byteClass.withUnsafeBufferPointer { byteClass in
                transitions.withUnsafeBufferPointer { transitions in
                    var state = 0
                    for offset in text.indices {
                        let next = transitions[state * classCount + Int(byteClass[Int(text[offset])])]
                        state = Int(next & ~Self.outputFlag)
                        guard next & Self.outputFlag != 0 else { continue }
                        for output in outputStart[state]..<outputStart[state + 1] {
                            body(Int(outputs[Int(output)]), offset + 1)
                        }
                    }
                }
            }
        }
    }
}
