/// Pairs the sentences of a document's old and new versions that have the same text.
///
/// Sentence ids are positions, so one inserted paragraph renumbers every later sentence;
/// aligning on text (a longest common subsequence, after trimming the common head and tail)
/// reports the inserted sentences and not the renumbered ones.
enum SentenceAlignment {
    /// Above this many table cells the middle is not aligned, which bounds time and memory
    /// for documents rewritten wholesale; their changed middle is then reported as one block.
    static let maxCells = 4_000_000

    /// Index pairs `(old, new)` of equal texts, increasing in both.
    static func matches(_ old: [String], _ new: [String]) -> [(old: Int, new: Int)] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }

        var pairs = (0..<head).map { (old: $0, new: $0) }
        let oldMiddle = Array(old[head..<(old.count - tail)])
        let newMiddle = Array(new[head..<(new.count - tail)])
        if !oldMiddle.isEmpty, !newMiddle.isEmpty, oldMiddle.count * newMiddle.count <= maxCells {
            pairs += longestCommonSubsequence(oldMiddle, newMiddle).map { (old: $0.old + head, new: $0.new + head) }
        }
        pairs += (0..<tail).map { (old: old.count - tail + $0, new: new.count - tail + $0) }
        return pairs
    }

    /// The classic dynamic programme; on a tie the old sentence is passed over first, so equal inputs always align the same way.
    private static func longestCommonSubsequence(_ old: [String], _ new: [String]) -> [(old: Int, new: Int)] {
        let columns = new.count + 1
        // lengths[i * columns + j]: the LCS length of old[i...] and new[j...].
        var lengths = [Int32](repeating: 0, count: (old.count + 1) * columns)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] = old[i] == new[j]
                    ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var pairs: [(old: Int, new: Int)] = []
        var i = 0
        var j = 0
        while i < old.count, j < new.count {
            if old[i] == new[j] {
                pairs.append((old: i, new: j))
                i += 1
                j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
