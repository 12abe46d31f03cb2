/// What a page without front matter says of itself, read from its Markdown lines: the title from its first
/// `# heading`, the summary from its first paragraph. Wikis write no front matter; Hugo, MkDocs and mdBook read
/// these the same way.
enum PageText {
    /// The first level-1 heading outside code blocks, as plain text, and the body with that heading's lines left
    /// empty (the page shows it as its title, not twice; the lines stay so that later lines keep their numbers).
    /// With `firstBlockOnly`, only a heading that opens the body counts: a page whose front matter names its title
    /// repeats it there, if anywhere (Jekyll's habit), and the rest of the body need not be read.
    static func title(in body: String, firstBlockOnly: Bool = false) -> (title: String, line: Int, body: String)? {
        let lines = Lines(body)
        var fence: Fence?
        // The paragraph being read: its first line, its range and how many lines it has, for a setext heading.
        var paragraph: (start: Int, range: Range<String.Index>, lines: Int)?
        for (index, range) in lines.enumerated() {
            let line = lines.text(range)
            if let open = fence {
                if open.closes(line) { fence = nil }
                continue
            }
            if let open = Fence(line) {
                if firstBlockOnly { return nil }
                fence = open
                paragraph = nil
                continue
            }
            // Past the opening block, a page whose front matter titles it has no heading to give.
            if firstBlockOnly, let open = paragraph, !(open.lines == 1 && isSetextUnderline(line)) { return nil }
            if let text = atxHeading(line, level: 1) {
                return (plain(text), index, lines.blanking([range]))
            }
            // "Title" over "=====": a setext heading of one line.
            if let open = paragraph, open.lines == 1, isSetextUnderline(line) {
                return (plain(lines.text(open.range).trimmed), open.start, lines.blanking([open.range, range]))
            }
            let trimmed = line.trimmed
            if trimmed.isEmpty || atxHeading(line, level: nil) != nil || trimmed.first == ">" || isListItem(line)
                || line.hasPrefix("    ") || line.hasPrefix("\t")
            {
                if firstBlockOnly && !trimmed.isEmpty { return nil }
                if !firstBlockOnly { paragraph = nil }
            } else if let open = paragraph {
                paragraph = (open.start, open.range, open.lines + 1)
            } else {
                paragraph = (index, range, 1)
            }
        }
        return nil
    }

    /// A title made from a file or folder name: "hm_intro_call" -> "Hm intro call".
    static func title(fromName name: String) -> String {
        let words = name.split { $0 == "_" || $0 == "-" || $0 == " " }.joined(separator: " ")
        guard let first = words.first, words == words.lowercased() else { return words.isEmpty ? name : words }
        return first.uppercased() + words.dropFirst()
    }

    /// The text of the first paragraph, without Markdown, cut after its first sentence (at most about 200 characters).
    static func summary(of body: String) -> String {
        let lines = Lines(body)
        var fence: Fence?
        var paragraph: [Substring] = []
        for range in lines {
            let line = lines.text(range)
            if let open = fence {
                if open.closes(line) { fence = nil }
                continue
            }
            let trimmed = line.trimmed
            if trimmed.isEmpty {
                if !paragraph.isEmpty { break }
                continue
            }
            if !paragraph.isEmpty {
                if isSetextUnderline(line) {
                    // That was a heading, not a paragraph.
                    paragraph = []
                    continue
                }
                if Fence(line) != nil || atxHeading(line, level: nil) != nil || isListItem(line) || trimmed.first == ">" { break }
                paragraph.append(trimmed)
                continue
            }
            if let open = Fence(line) {
                fence = open
                continue
            }
            if startsNonParagraph(line, trimmed: trimmed) { continue }
            paragraph.append(trimmed)
        }
        // The first sentence, cut at about 200 characters, lies in the paragraph's start: the rest need not be read.
        return firstSentence(plain(paragraph.joined(separator: " ").prefix(600)))
    }

    // MARK: Blocks

    private static func startsNonParagraph(_ line: Substring, trimmed: Substring) -> Bool {
        if atxHeading(line, level: nil) != nil || isListItem(line) || isSetextUnderline(line) { return true }
        if line.hasPrefix("    ") || line.hasPrefix("\t") { return true }
        guard let first = trimmed.first else { return true }
        switch first {
        case ">", "<", "|", "!", "{", ":": return true
        case "[":
            // A link reference definition, a table of contents marker ("[[_TOC_]]", "[TOC]"), or a badge line.
            return trimmed.hasPrefix("[[") || trimmed.hasPrefix("[TOC]") || trimmed.contains("]:") || trimmed.hasPrefix("[![")
        default:
            return trimmed.allSatisfy { $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " } && trimmed.count >= 3
        }
    }

    /// The text of an ATX heading of `level` (any level when nil), without its closing hashes.
    static func atxHeading(_ line: Substring, level: Int?) -> Substring? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let hashes = rest.prefix { $0 == "#" }.count
        guard hashes >= 1 && hashes <= 6, level == nil || hashes == level else { return nil }
        let after = rest.dropFirst(hashes)
        guard after.isEmpty || after.first == " " || after.first == "\t" || after.first == "\r" else { return nil }
        var text = after.trimmed
        // "# Title ##": the closing sequence goes when a space stands before it.
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let before = text.dropLast(closing)
            if before.isEmpty || before.last == " " || before.last == "\t" { text = before.trimmed }
        }
        return text
    }

    private static func isSetextUnderline(_ line: Substring) -> Bool {
        let trimmed = line.trimmed
        return !trimmed.isEmpty && trimmed.allSatisfy { $0 == "=" } && line.prefix { $0 == " " }.count <= 3
    }

    private static func isListItem(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " }
        guard let first = rest.first else { return false }
        if first == "-" || first == "*" || first == "+" {
            let next = rest.dropFirst().first
            return next == nil || next == " " || next == "\t"
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return false }
        let marker = rest.dropFirst(digits.count)
        return (marker.first == "." || marker.first == ")") && (marker.dropFirst().first.map { $0 == " " } ?? true)
    }

    /// A code fence: three or more backticks or tildes, indented at most three spaces.
    private struct Fence {
        var character: Character
        var count: Int

        init?(_ line: Substring) {
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3, let first = line.dropFirst(indent).first, first == "`" || first == "~" else { return nil }
            let count = line.dropFirst(indent).prefix { $0 == first }.count
            guard count >= 3 else { return nil }
            if first == "`" && line.dropFirst(indent + count).contains("`") { return nil }
            character = first
            self.count = count
        }

        func closes(_ line: Substring) -> Bool {
            let trimmed = line.trimmed
            return trimmed.count >= count && trimmed.allSatisfy { $0 == character } && line.prefix { $0 == " " }.count <= 3
        }
    }

    // MARK: Inline text

    /// Markdown inline syntax taken out: emphasis marks, code ticks, links and images to their text, HTML tags,
    /// wiki links to their label, an attribute list (`{#custom-id}`) at the end.
    static func plain(_ text: some StringProtocol) -> String {
        // Unicode scalars, not Characters: every page without a summary comes through here (grapheme breaking was 4%
        // of a 10,000-page wiki's build), and no syntax this reads spans a grapheme.
        var out: [Unicode.Scalar] = []
        var characters = Array(String(text).unicodeScalars)
        out.reserveCapacity(characters.count)
        if let brace = characters.lastIndex(of: "{"), characters.last == "}", characters.count > brace + 1,
            ["#", ".", ":"].contains(characters[brace + 1])
        {
            characters.removeSubrange(brace...)
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*", "`":
                index += 1
            case "_" where isEmphasisUnderscore(characters, index):
                index += 1
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                index += 1
            case "[":
                // "[text](url)", "[text][ref]", "[[Target|label]]": keep the text, drop the target.
                let wiki = index + 1 < characters.count && characters[index + 1] == "["
                let start = index + (wiki ? 2 : 1)
                guard let close = closing(characters, from: start, wiki: wiki) else {
                    out.append(character)
                    index += 1
                    continue
                }
                var inner = String(String.UnicodeScalarView(characters[start..<close]))
                if wiki, let bar = inner.firstIndex(of: "|") { inner = String(inner[inner.index(after: bar)...]) }
                out.append(contentsOf: plain(inner).unicodeScalars)
                index = close + (wiki ? 2 : 1)
                if !wiki, index < characters.count, characters[index] == "(" || characters[index] == "[" {
                    let end: Unicode.Scalar = characters[index] == "(" ? ")" : "]"
                    if let stop = characters[index...].firstIndex(of: end) { index = stop + 1 }
                }
            case "<":
                if let stop = characters[index...].firstIndex(of: ">"), stop - index < 200,
                    index + 1 < characters.count, characters[index + 1].properties.isAlphabetic || characters[index + 1] == "/"
                {
                    index = stop + 1
                } else {
                    out.append(character)
                    index += 1
                }
            case "\\"
            where index + 1 < characters.count && characters[index + 1].isASCII
                && characters[index + 1].properties.generalCategory.isPunctuationOrSymbol:
                out.append(characters[index + 1])
                index += 2
            default:
                out.append(character)
                index += 1
            }
        }
        return collapsingSpaces(out)
    }

    /// The scalars as a string, with runs of spaces and tabs made one space and none at the ends. ASCII text goes
    /// byte by byte; other text by Characters, where a space can begin a longer grapheme and is then no space.
    private static func collapsingSpaces(_ scalars: [Unicode.Scalar]) -> String {
        guard scalars.allSatisfy(\.isASCII) else {
            return String(String.UnicodeScalarView(scalars)).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        var space = false
        for scalar in scalars {
            let byte = UInt8(scalar.value)
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                space = !bytes.isEmpty
                continue
            }
            if space { bytes.append(UInt8(ascii: " ")) }
            space = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `_` that opens or closes emphasis, not one inside a word (`snake_case`).
    private static func isEmphasisUnderscore(_ characters: [Unicode.Scalar], _ index: Int) -> Bool {
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || scalar.properties.numericType != nil }
        let before: Unicode.Scalar = index > 0 ? characters[index - 1] : " "
        let after: Unicode.Scalar = index + 1 < characters.count ? characters[index + 1] : " "
        return !isWordScalar(before) || !isWordScalar(after)
    }

    private static func closing(_ characters: [Unicode.Scalar], from start: Int, wiki: Bool) -> Int? {
        var depth = 0
        var index = start
        while index < characters.count {
            switch characters[index] {
            case "[": depth += 1
            case "]":
                if depth == 0 {
                    if wiki { return index + 1 < characters.count && characters[index + 1] == "]" ? index : nil }
                    return index
                }
                depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Up to the end of the first sentence; a longer first sentence is cut at a word, about 200 characters in.
    static func firstSentence(_ text: String) -> String {
        let limit = 200
        var end: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "." || character == "!" || character == "?" {
                // A sentence ends at ". " followed by a capital letter or the end; "e.g. this" goes on.
                if next == text.endIndex { break }
                if text[next] == " " {
                    let after = text.index(after: next)
                    if after < text.endIndex, text[after].isUppercase || text[after].isNumber || !text[after].isLetter,
                        text.distance(from: text.startIndex, to: index) >= 20
                    {
                        end = next
                        break
                    }
                }
            }
            index = next
        }
        let sentence = end.map { String(text[..<$0]) } ?? text
        guard sentence.count > limit else { return sentence }
        let cut = sentence.prefix(limit)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word.trimmingSuffix { $0 == "," || $0 == ";" || $0 == ":" } + "…"
    }

    /// The body's lines as byte ranges, found as they are read (a title is nearly always on the first line), so a
    /// heading's lines can be left empty in place.
    private struct Lines: Sequence {
        let text: String

        init(_ text: String) { self.text = text }

        func makeIterator() -> AnyIterator<Range<String.Index>> {
            let utf8 = text.utf8
            var start = utf8.startIndex
            return AnyIterator {
                guard start < utf8.endIndex else { return nil }
                let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
                defer { start = end < utf8.endIndex ? utf8.index(after: end) : end }
                return start..<end
            }
        }

        func text(_ range: Range<String.Index>) -> Substring { text[range] }

        /// The text with `ranges` emptied (their line breaks stay).
        func blanking(_ ranges: [Range<String.Index>]) -> String {
            var result = text
            for range in ranges.reversed() { result.removeSubrange(range) }
            return result
        }
    }
}

extension Substring {
    fileprivate var trimmed: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}

extension StringProtocol {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = Substring(self)
        while let last = text.last, predicate(last) { text = text.dropLast() }
        return String(text)
    }
}

extension Unicode.GeneralCategory {
    /// ASCII punctuation in CommonMark's sense (what a backslash escapes) falls in these.
    fileprivate var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default: false
        }
    }
}
