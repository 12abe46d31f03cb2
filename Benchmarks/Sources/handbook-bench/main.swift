// Glossary linking throughput: the matcher over generated prose, with 100 and with 10,000 terms.
// Run with `make bench`; the figures go into the issue notes.
import Dispatch
import HandbookKit

/// Deterministic pseudo-random numbers, so every run links the same text.
struct Generator {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

let words = ["the", "team", "builds", "services", "with", "data", "and", "tests", "every", "release", "python", "code"]

func prose(megabytes: Double, termNames: [String], generator: inout Generator) -> [String] {
    var paragraphs: [String] = []
    var size = 0
    while Double(size) < megabytes * 1_000_000 {
        var sentence: [String] = []
        for index in 0..<80 {
            sentence.append(index % 9 == 4 ? termNames[generator.next(termNames.count)] : words[generator.next(words.count)])
        }
        let paragraph = sentence.joined(separator: " ") + "."
        size += paragraph.utf8.count
        paragraphs.append(paragraph)
    }
    return paragraphs
}

func measure(terms count: Int) {
    var generator = Generator()
    let names = (0..<count).map { index in index % 3 == 0 ? "Tool\(index) Engine" : "lib\(index)" }
    let start = DispatchTime.now()
    let matcher = GlossaryMatcher(names: names.map { [GlossaryMatcher.Name($0, matchCase: false)] })
    let built = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let text = prose(megabytes: 8, termNames: names, generator: &generator)
    let megabytes = Double(text.reduce(0) { $0 + $1.utf8.count }) / 1_000_000
    var best = Double.infinity
    var found = 0
    for _ in 0..<3 {
        let begin = DispatchTime.now()
        found = text.reduce(0) { $0 + matcher.matches(in: $1).count }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - begin.uptimeNanoseconds) / 1e9)
    }
    let perMB = best / megabytes * 1000
    print(
        "terms=\(count) trie build \(String(format: "%.1f", built * 1000)) ms, \(String(format: "%.1f", megabytes)) MB, "
            + "\(found) mentions, \(String(format: "%.1f", perMB)) ms/MB (one core, best of 3)")
}

measure(terms: 100)
measure(terms: 10_000)
