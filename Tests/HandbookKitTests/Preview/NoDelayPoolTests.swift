import Testing

@testable import HandbookKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The preview server's sockets send each write at once: a listening socket with TCP_NODELAY passes it to the
/// connections it accepts (Linux), so a response's body does not wait for the acknowledgement of its head.
@Suite struct NoDelayPoolTests {
    static func noDelay(_ descriptor: Int32) -> Int32 {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length)
        return value
    }

    @Test func aListeningSocketPassesItToTheConnectionsItAccepts() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        #expect(Self.noDelay(listener) == 0)
        NoDelay.set(on: listener)
        #expect(Self.noDelay(listener) != 0)

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        try #require(bound)
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, length) == 0 }
        }
        try #require(connected)
        let accepted = accept(listener, nil, nil)
        defer { close(accepted) }
        try #require(accepted >= 0)
        #expect(Self.noDelay(accepted) != 0)
        #expect(Self.noDelay(client) == 0)
    }
}
