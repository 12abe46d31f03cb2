import FlyingFox
import FlyingSocks

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The server's socket pool, with Nagle's algorithm turned off on every socket it waits for.
///
/// FlyingFox writes a response's head and its body in two writes. With Nagle's algorithm on, the body of every
/// response then waits for the browser to acknowledge the head, which it delays by 40 ms on Linux: that was a
/// sixth of serve's edit-to-reload time at 10,000 articles. FlyingFox has no option for its sockets; the pool is
/// where it hands them over. The listening socket always waits here before its first connection, and the
/// connections it accepts inherit the option on Linux; a connection that waits later gets it again.
struct NoDelayPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        NoDelay.set(on: socket.file.rawValue)
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}

enum NoDelay {
    /// Sets TCP_NODELAY on a TCP socket; anything else is left as it is.
    static func set(on descriptor: Int32) {
        var on: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }
}
