import FuzzSupport

@testable import HandbookKit

/// The search tokenizer and stemmer on any text: every token matches `[a-z0-9]+[+#]*` and tokenizing the
/// tokens again gives them back (the browser tokenizes queries with the same rules); index terms are never
/// empty; a stem is lowercase letters.
// Also under libFuzzer's own name: its main is linked in (SwiftPM's main, main.swift, runs instead).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearchTokenizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzCheck.text(data, size)
    let tokens = SearchTokenizer.tokens(text)
    for token in tokens {
        var bytes = token.utf8.makeIterator()
        var sawSuffix = false
        var count = 0
        while let byte = bytes.next() {
            let isWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            let isSuffix = byte == 0x2B || byte == 0x23
            precondition((isWord && !sawSuffix) || (isSuffix && count > 0), "token '\(token)' breaks [a-z0-9]+[+#]*")
            sawSuffix = sawSuffix || isSuffix
            count += 1
        }
        precondition(count > 0, "an empty token")
    }
    precondition(SearchTokenizer.tokens(tokens.joined(separator: " ")) == tokens, "tokens do not survive a second pass")
    // Index terms: stop words dropped, joined forms added, letter-only words stemmed (Porter2).
    for term in SearchTokenizer.terms(text) {
        precondition(!term.isEmpty, "an empty index term from \(tokens)")
        precondition(SearchTokenizer.tokens(term).count >= 1, "index term '\(term)' is not a token")
    }
    for token in tokens where token.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
        let stem = PorterStemmer.stem(token)
        precondition(!stem.isEmpty && stem.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }), "stem '\(stem)' of '\(token)'")
    }
    return 0
}
