#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a Markdown worker process sends rendered bodies back: length-prefixed fields, every field of
/// `RenderedBody` in declaration order (a test fails when a field is added without being sent).
enum BodyWire {
    struct Writer {
        private(set) var bytes: [UInt8] = []

        mutating func append(_ body: RenderedBody) {
            string(body.html)
            int(body.headings.count)
            for heading in body.headings {
                int(heading.level)
                string(heading.text)
                string(heading.id)
            }
            // Sorted: the same body always travels as the same bytes.
            int(body.links.count)
            for link in body.links.sorted() {
                string(link.kind.rawValue)
                string(link.slug)
            }
            int(body.terms.count)
            body.terms.forEach { string($0) }
            int(body.diagnostics.count)
            for diagnostic in body.diagnostics {
                string(diagnostic.severity.rawValue)
                string(diagnostic.id)
                string(diagnostic.location.path)
                int(diagnostic.location.line)
                int(diagnostic.location.column)
                string(diagnostic.message)
            }
        }

        private mutating func int(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }

        private mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                int(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        /// Writes everything to `descriptor`; false on an I/O error.
        func write(to descriptor: Int32) -> Bool {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Glibc.write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    if written <= 0 { return false }
                    offset += written
                }
                return true
            }
        }
    }

    /// Reads a file from its start to its end.
    static func readAll(_ descriptor: Int32) -> [UInt8]? {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size >= 0, lseek(descriptor, 0, SEEK_SET) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = read(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        return complete ? bytes : nil
    }

    /// The bodies in `bytes`, or nil if they are cut short or malformed.
    static func decode(_ bytes: [UInt8]) -> [RenderedBody]? {
        var reader = Reader(bytes: bytes)
        var bodies: [RenderedBody] = []
        while !reader.atEnd {
            guard let body = reader.body() else { return nil }
            bodies.append(body)
        }
        return bodies
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func body() -> RenderedBody? {
            guard let html = string(), let headingCount = count() else { return nil }
            var headings: [RenderedBody.Heading] = []
            for _ in 0..<headingCount {
                guard let level = int(), let text = string(), let id = string() else { return nil }
                headings.append(RenderedBody.Heading(level: level, text: text, id: id))
            }
            guard let linkCount = count() else { return nil }
            var links = Set<ItemID>()
            for _ in 0..<linkCount {
                guard let kind = string().flatMap(Kind.init(rawValue:)), let slug = string() else { return nil }
                links.insert(ItemID(kind, slug))
            }
            guard let termCount = count() else { return nil }
            var terms: [String] = []
            for _ in 0..<termCount {
                guard let term = string() else { return nil }
                terms.append(term)
            }
            guard let diagnosticCount = count() else { return nil }
            var diagnostics: [Diagnostic] = []
            for _ in 0..<diagnosticCount {
                guard let severity = string().flatMap(Severity.init(rawValue:)), let id = string(), let path = string(),
                    let line = int(), let column = int(), let message = string()
                else { return nil }
                diagnostics.append(Diagnostic(severity, id, at: SourceLocation(path: path, line: line, column: column), message))
            }
            return RenderedBody(html: html, headings: headings, links: links, terms: terms, diagnostics: diagnostics)
        }

        mutating func int() -> Int? {
            guard offset + 8 <= bytes.count else { return nil }
            var value: Int64 = 0
            withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: bytes[offset..<offset + 8]) }
            offset += 8
            return Int(Int64(littleEndian: value))
        }

        /// A count that the remaining bytes could hold at all: a corrupt one must not allocate wildly.
        mutating func count() -> Int? {
            guard let value = int(), value >= 0, value <= bytes.count - offset else { return nil }
            return value
        }

        mutating func string() -> String? {
            guard let length = count() else { return nil }
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }
    }
}
