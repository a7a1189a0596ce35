import ArgumentParser
import Foundation
import StandoffBuild
import StandoffCore

/// `standoff split`: the split stage over the corpus, or the sentence splitter over standard input.
struct SplitCommand: ParsableCommand {
    static let configuration: CommandConfiguration = {
        var configuration = stageConfiguration(Split.description)
        configuration.discussion += """


        With --stdin, segments plain text read from standard input instead (paragraphs separated by \
        blank lines) and prints one JSON object per sentence: {"end":…,"start":…,"text":…}. start \
        and end count Unicode code points of the input exactly as given (a byte-order mark and both \
        characters of a CRLF included), so they slice your own copy; text is the sentence after \
        ingest's normalisation (line ends as LF, NFC). It works in any folder: the abbreviations \
        come from <annotations>/rules/abbreviations.jsonl when there is one, else from the copy \
        built into the program.
          echo 'Dr. Lee arrived at 3 p.m. He left.' | standoff split --stdin
        """
        return configuration
    }()

    @OptionGroup var build: BuildOptionGroup

    @Flag(name: .long, help: "Segment standard input instead of the raw folder.")
    var stdin = false

    func run() throws {
        guard stdin else { return try runStage(Split.description, options: build) }
        try reportingErrors {
            let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
            let text: String
            do {
                text = try Ingest.decode(bytes, file: "<stdin>")
            } catch let error as StandoffError {
                throw BuildError.core(error)
            }
            // Only a folder named on the command line must hold the file; elsewhere the built-in copy serves.
            let lexicon = try DatasetBuild(options: build.options())
                .loadAbbreviations(builtInWhenAbsent: build.annotations == FolderOptionGroup.defaultAnnotations)
            let split = Split(splitter: SentenceSplitter(lexicon: lexicon))
            var output = ""
            let offsets = InputOffsets(input: bytes)
            for sentence in split.sentences(in: text) {
                output += "{\"end\":\(offsets[sentence.end]),\"start\":\(offsets[sentence.start]),\"text\":\(RowEncoding.jsonString(sentence.text))}\n"
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
