/// English Snowball (Porter2) stemming, as PyPI's snowballstemmer 3 does it, on lowercase ASCII letters.
///
/// `templates/assets/search-words.js` implements the same steps; both are checked against
/// snowballstemmer on the whole vocabulary of the handbook and of the benchmark corpus.
enum PorterStemmer {
    /// The stem of a lowercase word of letters a–z.
    static func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }

    /// The stem of a lowercase word of bytes a–z.
    static func stem(_ word: [UInt8]) -> [UInt8] {
        if let exception = exceptions[word] { return exception }
        if word.count < 3 { return word }
        var w = word

        // Prelude: a y at the start or after a vowel is a consonant, written Y until the end.
        var foundY = false
        for index in w.indices where w[index] == y && (index == 0 || isVowel(w[index - 1])) {
            w[index] = upperY
            foundY = true
        }
        var p1 = -1
        for prefix in regionPrefixes where w.starts(with: prefix) { p1 = prefix.count }
        if p1 < 0 { p1 = regionAfter(w, from: 0) }
        let p2 = p1 >= w.count ? w.count : regionAfter(w, from: p1)

        step1a(&w)
        step1b(&w, p1: p1)
        step1c(&w)
        replaceInRegion(&w, table: step2Table, p1: p1, p2: p2, isStep2: true)
        replaceInRegion(&w, table: step3Table, p1: p1, p2: p2, isStep2: false)
        step4(&w, p2: p2)
        step5(&w, p1: p1, p2: p2)
        if foundY {
            for index in w.indices where w[index] == upperY { w[index] = y }
        }
        return w
    }

    private static let y = UInt8(ascii: "y")
    private static let upperY = UInt8(ascii: "Y")

    private static func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79
    }

    /// Not a vowel, nor w, x or Y: what may end a short syllable.
    private static func isShortEnd(_ c: UInt8) -> Bool {
        !isVowel(c) && c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != upperY
    }

    private static let exceptions: [[UInt8]: [UInt8]] = {
        let pairs = [
            ("andes", "andes"), ("atlas", "atlas"), ("bias", "bias"), ("cosmos", "cosmos"), ("early", "earli"),
            ("gently", "gentl"), ("howe", "howe"), ("idly", "idl"), ("news", "news"), ("only", "onli"), ("singly", "singl"),
            ("skies", "sky"), ("skis", "ski"), ("sky", "sky"), ("ugly", "ugli"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) })
    }()

    private static let regionPrefixes = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"]
        .map { Array($0.utf8) }

    // Suffix tables, longest first wherever one suffix ends another: the first match is the longest.
    private static let step1aTable = bytes(["sses", "ied", "ies", "ss", "us", "s"])
    private static let step1bTable = bytes(["eedly", "ingly", "edly", "eed", "ing", "ed"])
    private static let step2Table = pairs([
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"),
        ("ogist", "og"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"),
        ("ator", "ate"), ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", ""),
    ])
    private static let step3Table = pairs([
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"),
        ("ative", ""), ("ical", "ic"), ("ness", ""), ("ful", ""),
    ])
    private static let step4Table = bytes([
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive",
        "ize", "ion", "al", "er", "ic",
    ])
    private static let eedExceptions = bytes(["succ", "proc", "exc"])
    private static let ingExceptions = bytes(["even", "cann", "inn", "earr", "herr", "out"])

    private static func bytes(_ strings: [String]) -> [[UInt8]] { strings.map { Array($0.utf8) } }
    private static func pairs(_ pairs: [(String, String)]) -> [([UInt8], [UInt8])] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }

    private static func hasVowel(_ w: [UInt8], _ range: Range<Int>) -> Bool {
        range.contains { isVowel(w[$0]) }
    }

    /// Does `w[0..<end]` end in a short syllable?
    private static func endsShort(_ w: [UInt8], _ end: Int) -> Bool {
        if end >= 3 && isShortEnd(w[end - 1]) && isVowel(w[end - 2]) && !isVowel(w[end - 3]) { return true }
        if end == 2 && !isVowel(w[1]) && isVowel(w[0]) { return true }
        return end >= 4 && w[end - 4] == UInt8(ascii: "p") && w[end - 3] == UInt8(ascii: "a") && w[end - 2] == UInt8(ascii: "s")
            && w[end - 1] == UInt8(ascii: "t")
    }

    /// The start of the region after the first non-vowel that follows a vowel, looking from `from`.
    private static func regionAfter(_ w: [UInt8], from: Int) -> Int {
        var index = from
        while index < w.count && !isVowel(w[index]) { index += 1 }
        while index < w.count && isVowel(w[index]) { index += 1 }
        return index < w.count ? index + 1 : w.count
    }

    private static func replaceSuffix(_ w: inout [UInt8], _ length: Int, with replacement: [UInt8]) {
        w.removeLast(length)
        w += replacement
    }

    private static func step1a(_ w: inout [UInt8]) {
        guard let suffix = step1aTable.first(where: { w.ends(with: $0) }) else { return }
        switch String(decoding: suffix, as: UTF8.self) {
        case "sses": replaceSuffix(&w, 4, with: Array("ss".utf8))
        case "ied", "ies": replaceSuffix(&w, 3, with: Array((w.count > 4 ? "i" : "ie").utf8))
        case "s": if hasVowel(w, 0..<(w.count - 2)) { w.removeLast() }
        default: break
        }
    }

    private static func step1b(_ w: inout [UInt8], p1: Int) {
        guard let suffix = step1bTable.first(where: { w.ends(with: $0) }) else { return }
        let start = w.count - suffix.count
        let name = String(decoding: suffix, as: UTF8.self)
        if name == "eed" || name == "eedly" {
            if start >= p1 && !eedExceptions.contains(where: { $0.count == start && w.starts(with: $0) }) {
                replaceSuffix(&w, suffix.count, with: Array("ee".utf8))
            }
            return
        }
        if name == "ing" {
            if start == 2 && w[1] == y && !isVowel(w[0]) {
                replaceSuffix(&w, 4, with: Array("ie".utf8))  // dying -> die
                return
            }
            if ingExceptions.contains(where: { $0.count == start && w.starts(with: $0) }) { return }
        }
        guard hasVowel(w, 0..<start) else { return }
        w.removeLast(suffix.count)
        let n = w.count
        if w.ends(with: Array("at".utf8)) || w.ends(with: Array("bl".utf8)) || w.ends(with: Array("iz".utf8)) {
            w.append(UInt8(ascii: "e"))
        } else if n >= 2 && w[n - 1] == w[n - 2] && Array("bdfgmnprt".utf8).contains(w[n - 1]) {
            if !(n == 3 && Array("aeo".utf8).contains(w[0])) { w.removeLast() }
        } else if n == p1 && endsShort(w, n) {
            w.append(UInt8(ascii: "e"))
        }
    }

    private static func step1c(_ w: inout [UInt8]) {
        let n = w.count
        if n > 2 && (w[n - 1] == y || w[n - 1] == upperY) && !isVowel(w[n - 2]) { w[n - 1] = UInt8(ascii: "i") }
    }

    private static func replaceInRegion(_ w: inout [UInt8], table: [([UInt8], [UInt8])], p1: Int, p2: Int, isStep2: Bool) {
        guard let (suffix, replacement) = table.first(where: { w.ends(with: $0.0) }) else { return }
        let start = w.count - suffix.count
        guard start >= p1 else { return }
        let name = String(decoding: suffix, as: UTF8.self)
        if isStep2 && name == "ogi" {
            if start > 0 && w[start - 1] == UInt8(ascii: "l") { replaceSuffix(&w, 3, with: Array("og".utf8)) }
        } else if isStep2 && name == "li" {
            if start > 0 && Array("cdeghkmnrt".utf8).contains(w[start - 1]) { w.removeLast(2) }
        } else if !isStep2 && name == "ative" {
            if start >= p2 { w.removeLast(5) }
        } else {
            replaceSuffix(&w, suffix.count, with: replacement)
        }
    }

    private static func step4(_ w: inout [UInt8], p2: Int) {
        guard let suffix = step4Table.first(where: { w.ends(with: $0) }) else { return }
        let start = w.count - suffix.count
        guard start >= p2 else { return }
        if suffix == Array("ion".utf8) {
            if start > 0 && (w[start - 1] == UInt8(ascii: "s") || w[start - 1] == UInt8(ascii: "t")) { w.removeLast(3) }
        } else {
            w.removeLast(suffix.count)
        }
    }

    private static func step5(_ w: inout [UInt8], p1: Int, p2: Int) {
        let n = w.count
        guard n > 0 else { return }
        if w[n - 1] == UInt8(ascii: "e") {
            if n - 1 >= p2 || (n - 1 >= p1 && !endsShort(w, n - 1)) { w.removeLast() }
        } else if w[n - 1] == UInt8(ascii: "l") && n - 1 >= p2 && n >= 2 && w[n - 2] == UInt8(ascii: "l") {
            w.removeLast()
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
