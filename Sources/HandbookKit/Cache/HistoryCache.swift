import Foundation

/// The history a build read, kept beside the output (`.public.history`) for the next build: its `HEAD` and each file's
/// change. One line per commit (`C`, then its fields) and one per file (`F`, its commit's line number, its path),
/// fields split by 0x1F, which Git's fields never hold once `parse` dropped control characters.
struct HistoryCache {
    static let header = "handbook-history 1"
    var head: String
    var shallow: Bool
    var changes: [String: Change]

    static func read(_ file: URL) -> HistoryCache? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.first?.split(separator: "\u{1F}").map(String.init) ?? []
        guard first.count == 3, first[0] == header else { return nil }
        var commits: [Change] = []
        var changes: [String: Change] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            if fields.count == 6, fields[0] == "C", let timestamp = Int(fields[2]) {
                commits.append(Change(commit: fields[1], timestamp: timestamp, date: fields[3], author: fields[4], subject: fields[5]))
            } else if fields.count == 3, fields[0] == "F", let index = Int(fields[1]), commits.indices.contains(index) {
                changes[fields[2]] = commits[index]
            } else {
                return nil
            }
        }
        return HistoryCache(head: first[1], shallow: first[2] == "shallow", changes: changes)
    }

    /// Replaces the file whole (`CacheFile`). Paths that would break a line are left out (such a file is only dated
    /// again by the next full read).
    func write(to file: URL) {
        var text = "\(Self.header)\u{1F}\(head)\u{1F}\(shallow ? "shallow" : "full")\n"
        var numbers: [String: Int] = [:]
        for (path, change) in changes.sorted(by: { $0.key < $1.key }) where !path.contains("\n") && !path.contains("\u{1F}") {
            let number: Int
            if let known = numbers[change.commit] {
                number = known
            } else {
                number = numbers.count
                numbers[change.commit] = number
                text +=
                    "C\u{1F}\(change.commit)\u{1F}\(change.timestamp)\u{1F}\(change.date)\u{1F}\(change.author)\u{1F}\(change.subject)\n"
            }
            text += "F\u{1F}\(number)\u{1F}\(path)\n"
        }
        CacheFile.replace(file, with: Array(text.utf8))
    }
}
typealias PendingData = PendingValue<Data>
