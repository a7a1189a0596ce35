/// Horizontal bar charts as inline SVG for the report's index: whole-number coordinates only,
/// so the same figures always give the same bytes, and every bar carries its number as text
/// (colour is never the only way to read it).
enum SVGChart {
    /// One segment of a bar.
    struct Segment {
        var value: Int
        /// Fill colour, `#RRGGBB`.
        var colour: String
        /// What the segment counts, for the tooltip.
        var name: String
    }

    /// One bar: a label and one or more segments laid end to end.
    struct Bar {
        var label: String
        var segments: [Segment]
        var total: Int { segments.reduce(0) { $0 + $1.value } }
    }

    static let width = 540
    static let labelWidth = 210
    static let rowHeight = 22
    static let barHeight = 15

    /// The chart of `bars`, scaled so the longest bar fills the plot; `caption` names it for screen readers.
    static func bars(_ bars: [Bar], caption: String) -> String {
        let plot = width - labelWidth - 60
        let longest = max(1, bars.map(\.total).max() ?? 1)
        let height = max(1, bars.count) * rowHeight + 6
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTML.escape(caption))\">"
        for (row, bar) in bars.enumerated() {
            let y = row * rowHeight + 3
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + barHeight - 3)\" text-anchor=\"end\" font-size=\"12\" fill=\"#1A1A1A\">\(HTML.escape(truncated(bar.label)))<title>\(HTML.escape(bar.label))</title></text>"
            var x = labelWidth
            for segment in bar.segments where segment.value > 0 {
                let length = max(1, segment.value * plot / longest)
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"\(segment.colour)\" stroke=\"#FFFFFF\" stroke-width=\"1\">"
                svg += "<title>\(HTML.escape(bar.label)): \(segment.value) \(HTML.escape(segment.name))</title></rect>"
                x += length
            }
            let figures = bar.segments.count > 1 ? bar.segments.map { String($0.value) }.joined(separator: " / ") : String(bar.total)
            svg += "<text x=\"\(x + 5)\" y=\"\(y + barHeight - 3)\" font-size=\"11\" fill=\"#444444\">\(figures)</text>"
        }
        return svg + "</svg>"
    }

    /// A label cut to fit the label column, with an ellipsis.
    static func truncated(_ label: String) -> String {
        label.count > 28 ? String(label.prefix(27)) + "…" : label
    }
}
