/// `changes.xml`: the pages changed last as an Atom feed (RFC 4287), for feed readers and chat integrations.
///
/// Links are absolute when `base_url` is set, else relative to the feed (readers resolve them against its address).
/// Ids are permanent: the page's address with its commit, or without `base_url` a UUID made from them; same
/// commits, same feed.
enum AtomFeed {
    struct Entry {
        var title: String
        /// The page's path under the site: `people/hiring/index.html`.
        var path: String
        /// Its section path or kind.
        var category: String
        var change: Change
    }

    static func xml(
        title: String, siteTitle: String, language: String, baseURL: String?, entries: [Entry], authors: Bool
    ) -> String {
        func url(_ path: String) -> String { baseURL.map { SiteRenderer.joinURL($0, path) } ?? path }
        func id(_ key: String) -> String {
            if let baseURL { return SiteRenderer.joinURL(baseURL, key) }
            return "urn:uuid:" + uuid(Digest(siteTitle + "\n" + key))
        }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTML.escape(language))">
            <title>\(HTML.escape(title))</title>
            <id>\(HTML.escape(id("changes.xml")))</id>
            <updated>\(HTML.escape(entries.first?.change.date ?? "1970-01-01T00:00:00Z"))</updated>
            <link rel="alternate" type="text/html" href="\(HTML.escape(url("changes.html")))"/>

            """
        if baseURL != nil { xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(HTML.escape(url("changes.xml")))\"/>\n" }
        xml += "<author><name>\(HTML.escape(siteTitle))</name></author>\n<generator>handbook</generator>\n"
        for entry in entries {
            let change = entry.change
            xml += "<entry>\n<title>\(HTML.escape(entry.title))</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(url(entry.path)))\"/>\n"
            xml += "<id>\(HTML.escape(id(entry.path + "#" + change.commit)))</id>\n"
            xml += "<updated>\(HTML.escape(change.date))</updated>\n"
            if authors { xml += "<author><name>\(HTML.escape(change.author))</name></author>\n" }
            if !entry.category.isEmpty { xml += "<category term=\"\(HTML.escape(entry.category))\"/>\n" }
            xml += "<summary>\(HTML.escape(change.subject))</summary>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// A digest written as an RFC 9562 UUID of version 8 (custom), variant 10.
    private static func uuid(_ digest: Digest) -> String {
        let high = (digest.high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_8000
        let low = (digest.low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: digits - text.count) + text
        }
        let h = hex(high, 16)
        let l = hex(low, 16)
        return "\(h.prefix(8))-\(h.dropFirst(8).prefix(4))-\(h.suffix(4))-\(l.prefix(4))-\(l.dropFirst(4))"
    }
}
