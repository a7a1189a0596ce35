/// The Aho–Corasick construction the rule literals' byte automaton (``LiteralFinder``) and the
/// gazetteer's scalar automaton (``EntityMatcher``) share: a trie of keys over symbol classes,
/// completed to a full move table with failure links. Each compiles the result to its own
/// table (entry width, flags, outputs).
///
/// Class 0 is "a symbol no key uses"; keys are spelled in classes from 1 on.
///
/// ```
/// var trie = AhoCorasickTrie()
/// trie.insert([1, 2])     // "ab" → state 2
/// trie.insert([2])        // "b"  → state 3
/// let (moves, failure, order) = trie.completed(classCount: 3)
/// failure[2] == 3         // the longest proper suffix of "ab" in the trie is "b"
/// ```
struct AhoCorasickTrie {
    /// Each state's children by class; state 0 is the root.
    private var children: [[Int: Int]] = [[:]]

    var stateCount: Int { children.count }

    /// Adds a key spelled in classes ≥ 1 and returns the state it ends in.
    @discardableResult
    mutating func insert(_ symbols: some Sequence<Int>) -> Int {
        var state = 0
        for symbol in symbols {
            if let next = children[state][symbol] {
                state = next
            } else {
                children.append([:])
                children[state][symbol] = children.count - 1
                state = children.count - 1
            }
        }
        return state
    }

    /// `moves[state * classCount + symbol]`: the next state with failure links folded in (unknown
    /// symbols lead back to the root); `failure[state]`: the state of its longest proper suffix
    /// in the trie; `order`: every state breadth first, root first, so a state's failure comes
    /// before it.
    func completed(classCount: Int) -> (moves: [Int], failure: [Int], order: [Int]) {
        var order = [0]
        var failure = [Int](repeating: 0, count: stateCount)
        var moves = [Int](repeating: 0, count: stateCount * classCount)
        var head = 0
        while head < order.count {
            let state = order[head]
            head += 1
            for symbol in 1..<classCount {
                if let child = children[state][symbol] {
                    failure[child] = state == 0 ? 0 : moves[failure[state] * classCount + symbol]
                    moves[state * classCount + symbol] = child
                    order.append(child)
                } else {
                    moves[state * classCount + symbol] = state == 0 ? 0 : moves[failure[state] * classCount + symbol]
                }
            }
        }
        return (moves, failure, order)
    }
}
