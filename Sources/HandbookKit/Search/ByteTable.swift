import Foundation

/// Byte strings to dense ids (0, 1, 2, … in order of first insertion), with open addressing.
///
/// The index builder looks up millions of short tokens; keys live in one byte arena, so a lookup
/// allocates nothing, unlike a `Dictionary` keyed by `String` or `[UInt8]`.
struct ByteTable: Sendable {
    private(set) var arena: [UInt8] = []
    /// `ends[id]` is where key `id` ends in the arena; it starts where the previous one ends.
    private var ends: [Int32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        ends.reserveCapacity(capacity)
    }

    var count: Int { ends.count }

    /// The bytes of key `id`.
    func key(_ id: Int) -> ArraySlice<UInt8> {
        arena[(id == 0 ? 0 : Int(ends[id - 1]))..<Int(ends[id])]
    }

    /// The id of `key`, added if new.
    @discardableResult
    mutating func id(_ key: ArraySlice<UInt8>) -> Int {
        key.withUnsafeBufferPointer { id($0) }
    }

    /// The id of `key`, added if new.
    @discardableResult
    mutating func id(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let found = slots[slot]
            if found < 0 { break }
            let id = Int(found)
            let start = id == 0 ? 0 : Int(ends[id - 1])
            let end = Int(ends[id])
            if end - start == key.count && arena.withUnsafeBufferPointer({ Self.equal($0, start, key) }) { return id }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        arena.append(contentsOf: key)
        ends.append(Int32(arena.count))
        slots[slot] = Int32(id)
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    private static func equal(_ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let stored = arena.baseAddress, let wanted = key.baseAddress else { return key.isEmpty }
        return memcmp(stored + start, wanted, key.count) == 0
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<ends.count {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in key(id) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
