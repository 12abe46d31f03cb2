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
            body.links.sorted().forEach { item($0) }
            int(body.terms.count)
            body.terms.forEach { string($0) }
            int(body.diagnostics.count)
            for diagnostic in body.diagnostics {
                string(diagnostic.severity.rawValue)
                string(diagnostic.id)
                location(diagnostic.location)
                string(diagnostic.message)
            }
            int(body.references.count)
            for reference in body.references {
                switch reference.target {
                case .page(let id):
                    int(0)
                    item(id)
                case .output(let path):
                    int(1)
                    string(path)
                }
                int(reference.fragment == nil ? 0 : 1)
                string(reference.fragment ?? "")
                string(reference.written)
                int(reference.isImage ? 1 : 0)
                item(reference.from)
                location(reference.location)
            }
            int(body.omittedIDs.count)
            body.omittedIDs.sorted().forEach { string($0) }
        }

        private mutating func item(_ id: ItemID) {
            string(id.kind.rawValue)
            string(id.slug)
        }

        private mutating func location(_ location: SourceLocation) {
            string(location.path)
            int(location.line)
            int(location.column)
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
        func write(to descriptor: Int32) -> Bool { BodyWire.writeAll(bytes, to: descriptor) }

        /// Writes what was appended so far to `descriptor` and starts again from empty, so that a long stream of
        /// bodies never sits in memory whole; false on an I/O error.
        mutating func flush(to descriptor: Int32) -> Bool {
            defer { bytes.removeAll(keepingCapacity: true) }
            return write(to: descriptor)
        }
    }

    /// Writes `bytes` to `descriptor` whole; false on an I/O error.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
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

    /// The bodies in `bytes` from `offset` to the end, or nil if they are cut short or malformed.
    static func decode(_ bytes: [UInt8], from offset: Int = 0) -> [RenderedBody]? {
        var reader = Reader(bytes: bytes, offset: offset)
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
                guard let link = item() else { return nil }
                links.insert(link)
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
                guard let severity = string().flatMap(Severity.init(rawValue:)), let id = string(), let location = location(),
                    let message = string()
                else { return nil }
                diagnostics.append(Diagnostic(severity, id, at: location, message))
            }
            guard let referenceCount = count() else { return nil }
            var references: [LinkReference] = []
            for _ in 0..<referenceCount {
                guard let reference = reference() else { return nil }
                references.append(reference)
            }
            guard let omittedCount = count() else { return nil }
            var omittedIDs = Set<String>()
            for _ in 0..<omittedCount {
                guard let id = string() else { return nil }
                omittedIDs.insert(id)
            }
            return RenderedBody(
                html: html, headings: headings, links: links, terms: terms, diagnostics: diagnostics, references: references,
                omittedIDs: omittedIDs)
        }

        mutating func reference() -> LinkReference? {
            let target: LinkReference.Target
            switch int() {
            case 0:
                guard let id = item() else { return nil }
                target = .page(id)
            case 1:
                guard let path = string() else { return nil }
                target = .output(path)
            default: return nil
            }
            guard let hasFragment = int(), let fragment = string(), let written = string(), let isImage = int(),
                let from = item(), let location = location()
            else { return nil }
            return LinkReference(
                target: target, fragment: hasFragment == 1 ? fragment : nil, written: written, isImage: isImage == 1, from: from,
                location: location)
        }

        mutating func item() -> ItemID? {
            guard let kind = string().flatMap(Kind.init(rawValue:)), let slug = string() else { return nil }
            return ItemID(kind, slug)
        }

        mutating func location() -> SourceLocation? {
            guard let path = string(), let line = int(), let column = int() else { return nil }
            return SourceLocation(path: path, line: line, column: column)
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
