/// Scores cleaned pages against hand-made article bodies with the article-extraction benchmark's
/// shingle metric (``ShingleOverlap``), and the title and date read off each page against what
/// the page declares, counted only over pages whose text dump shows them at all.
public struct PageEvaluation: Sendable, Encodable, Equatable {
    /// The text converter whose dumps were scored (`inscriptis`, `w3m`, `bs4`), if named.
    public var converter: String?
    /// Pages with truth.
    public var pages = 0
    /// Pages the run produced no document for (a failed file), scored as empty output.
    public var missing: [String] = []
    /// Mean precision over pages with output.
    @FourPlaces public var precision = 0.0
    /// Mean recall over pages with truth.
    @FourPlaces public var recall = 0.0
    /// Harmonic mean of the two means: the benchmark's F1.
    @FourPlaces public var f1 = 0.0
    /// Pages whose cleaned body is empty while the truth is not.
    public var emptyBodies: [String] = []
    /// Headline equal (case, white space and quote style aside) to the declared one.
    public var title = Tally()
    /// `published` equal to the declared date.
    public var published = Tally()
    /// Words of article text lost, by the reason of the removed line that held them.
    public var wordsLostBy: [String: Int] = [:]
    /// Each page's figures, worst F1 first.
    public var perPage: [PageRow] = []

    /// One page's figures.
    public struct PageRow: Sendable, Encodable, Equatable {
        public var id: String
        @FourPlaces public var precision: Double
        @FourPlaces public var recall: Double
        @FourPlaces public var f1: Double
        /// The removal reason that cost this page most article words, with the words.
        public var costliestReason: String?
        public var wordsLost: Int
        /// Words of kept paragraphs that are not part of the article body (menus, comments, teasers).
        public var wordsExtra: Int
        public var titleRight: Bool?
        public var publishedRight: Bool?

        enum CodingKeys: String, CodingKey {
            case id, precision, recall, f1
            case costliestReason = "costliest_reason"
            case wordsLost = "words_lost"
            case wordsExtra = "words_extra"
            case titleRight = "title_right"
            case publishedRight = "published_right"
        }

    }

    enum CodingKeys: String, CodingKey {
        case converter, pages, missing, precision, recall, f1, title, published
        case emptyBodies = "empty_bodies"
        case wordsLostBy = "words_lost_by"
        case perPage = "per_page"
    }


    /// Scores `documents` against `truth`, matched by id; `converter` picks the `in_dump` flags.
    public init(documents: [Document], truth: [PageTruth], converter: String?) {
        self.converter = converter
        let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var precisions: [Double] = []
        var recalls: [Double] = []
        for page in truth.sorted(by: { $0.id < $1.id }) {
            pages += 1
            if byID[page.id] == nil { missing.append(page.id) }
            let document = byID[page.id] ?? Document(id: page.id, sourceFile: page.id, rawBytes: [])
            let overlap = ShingleOverlap(truth: page.articleBody, output: document.text)
            if overlap.hasOutput { precisions.append(overlap.precision) }
            if overlap.hasTruth { recalls.append(overlap.recall) }
            if !overlap.hasOutput && overlap.hasTruth { emptyBodies.append(page.id) }
            let lost = PageEvaluation.wordsLost(document, truth: page.articleBody)
            for (reason, words) in lost { wordsLostBy[reason, default: 0] += words }
            let costliest = lost.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
            let shown = page.visibility(in: converter)
            var row = PageRow(id: page.id, precision: overlap.precision, recall: overlap.recall, f1: overlap.f1,
                              costliestReason: costliest?.key, wordsLost: costliest?.value ?? 0,
                              wordsExtra: PageEvaluation.wordsExtra(document, truth: page.articleBody))
            if shown.headline, let headline = page.headline {
                let right = document.metadata.title.map(EvaluationText.headlineKey) == EvaluationText.headlineKey(headline)
                title.count(right)
                row.titleRight = right
            }
            if shown.published, let date = page.published {
                let right = document.metadata.published == date
                published.count(right)
                row.publishedRight = right
            }
            perPage.append(row)
        }
        precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        recall = recalls.isEmpty ? 0 : recalls.reduce(0, +) / Double(recalls.count)
        f1 = Score.harmonic(precision, recall)
        perPage.sort { ($0.f1, $0.id) < ($1.f1, $1.id) }
    }

    /// Words of kept paragraphs whose text is not part of the article body.
    static func wordsExtra(_ document: Document, truth: String) -> Int {
        let body = Array(EvaluationText.fold(truth).utf8)
        return document.paragraphs.reduce(0) { total, paragraph in
            Clean.bytes(body, contain: Array(EvaluationText.fold(paragraph.text).utf8)) ? total : total + ShingleOverlap.tokens(paragraph.text).count
        }
    }

    /// Words of removed lines whose text is part of the article body, by removal reason.
    static func wordsLost(_ document: Document, truth: String) -> [String: Int] {
        let body = Array(EvaluationText.fold(truth).utf8)
        var lost: [String: Int] = [:]
        for line in document.removed {
            let text = Array(EvaluationText.fold(line.text).utf8)
            let words = ShingleOverlap.tokens(line.text).count
            // Short lines (a name, "Share") occur in any text; only lines of some length say anything.
            guard words >= 4, Clean.bytes(body, contain: text) else { continue }
            lost[line.reason, default: 0] += words
        }
        return lost
    }
}
