/// The print handbook's layout: every section on `print.html` while the site is small, and for a large one a
/// contents page on `print.html` with the sections in volumes under `print/`, each about `volumeBytes` of
/// text: a reader never opens a page that grows with the site.
struct PrintBook: Sendable, Equatable {
    enum Part: String, CaseIterable, Sendable, Equatable {
        case articles, roles, kits, companies, glossary

        var label: String {
            switch self {
            case .articles: "Articles"
            case .roles: "Roles"
            case .kits: "Interview kits"
            case .companies: "Companies"
            case .glossary: "Glossary"
            }
        }
    }

    struct Volume: Sendable, Equatable {
        var part: Part
        /// 1-based within its part.
        var number: Int
        var items: [ItemID]
        /// Under the output folder: `print/articles-3.html`.
        var path: String { "print/\(part.rawValue)-\(number).html" }
    }

    /// Above this many bytes of bodies, the book is split into volumes.
    static let wholeBookLimit = 900_000
    /// About this many bytes of bodies per volume.
    static let volumeBytes = 400_000

    /// Empty for a book on one page.
    let volumes: [Volume]
    /// The file holding each item's section (kits are not link targets: a role's link goes to its section).
    let files: [ItemID: String]

    var isSplit: Bool { !volumes.isEmpty }

    /// A part with its items and their sizes in bytes.
    typealias Weighed = (part: Part, items: [(id: ItemID, bytes: Int)])

    /// Lays out `parts`, in order.
    init(_ parts: [Weighed]) {
        let total = parts.reduce(0) { $0 + $1.items.reduce(0) { $0 + $1.bytes } }
        guard total > Self.wholeBookLimit else {
            volumes = []
            files = [:]
            return
        }
        var volumes: [Volume] = []
        for (part, items) in parts where !items.isEmpty {
            var current: [ItemID] = []
            var bytes = 0
            for item in items {
                if !current.isEmpty && bytes + item.bytes > Self.volumeBytes {
                    volumes.append(Volume(part: part, number: volumes.count { $0.part == part } + 1, items: current))
                    current = []
                    bytes = 0
                }
                current.append(item.id)
                bytes += item.bytes
            }
            volumes.append(Volume(part: part, number: volumes.count { $0.part == part } + 1, items: current))
        }
        var files: [ItemID: String] = [:]
        for volume in volumes where volume.part != .kits {
            for id in volume.items { files[id] = volume.path }
        }
        self.volumes = volumes
        self.files = files
    }

    /// Where a link to `target`'s section goes from `file` (`print.html` or a volume): within the page when it
    /// is there, else to the volume holding it.
    func url(of target: ItemID, anchor: String, from file: String) -> String {
        guard let home = files[target], home != file else { return "#" + anchor }
        return String(home.dropFirst("print/".count)) + "#" + anchor
    }
}
