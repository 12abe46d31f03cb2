import FlyingFox
import Foundation

/// Answers the preview server's requests: the live-reload endpoint, and files of the built site with the
/// reload script added to HTML. Nothing outside the site folder is ever served.
struct SiteHandler: HTTPHandler {
    let root: URL
    let state: LiveState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.path == LiveReload.endpoint {
            let since = request.query["since"].flatMap(Int.init) ?? -1
            let live = await state.wait(since: since, seconds: 20)
            return HTTPResponse(statusCode: .ok, headers: Self.headers("application/json"), body: LiveReload.json(live))
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        let path = request.path.removingPercentEncoding ?? request.path
        let segments = path.split(separator: "/").map(String.init)
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) else {
            return HTTPResponse(statusCode: .badRequest)
        }
        let live = await state.current
        guard await state.hasSite else {
            let page = Data("<!doctype html><title>Not built yet</title><body><p>The site has not built yet.</p></body>".utf8)
            return HTTPResponse(
                statusCode: .serviceUnavailable, headers: Self.headers("text/html"), body: LiveReload.inject(into: page, state: live))
        }
        var file = root
        for segment in segments { file.appendPathComponent(segment) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            guard path.hasSuffix("/") else {
                return HTTPResponse(statusCode: .movedPermanently, headers: [.location: request.path + "/"])
            }
            file.appendPathComponent("index.html")
        }
        if let data = FileManager.default.contents(atPath: file.path) {
            return response(.ok, file: file, data: data, state: live)
        }
        let missing = root.appendingPathComponent("404.html")
        let data = FileManager.default.contents(atPath: missing.path) ?? Data("<!doctype html><title>Not found</title><body></body>".utf8)
        return response(.notFound, file: missing, data: data, state: live)
    }

    private func response(_ status: HTTPStatusCode, file: URL, data: Data, state: LiveReload.State) -> HTTPResponse {
        let type = Self.types[file.pathExtension.lowercased()] ?? "application/octet-stream"
        let body = type == "text/html" ? LiveReload.inject(into: data, state: state) : data
        return HTTPResponse(statusCode: status, headers: Self.headers(type), body: body)
    }

    private static func headers(_ type: String) -> HTTPHeaders {
        let charset = type.hasPrefix("text/") || type.hasSuffix("json") || type.hasSuffix("javascript") || type.hasSuffix("xml")
        // Every page is rebuilt under the browser's feet: never let it keep an old one.
        return [.contentType: charset ? type + "; charset=utf-8" : type, .cacheControl: "no-store"]
    }

    private static let types = [
        "html": "text/html", "css": "text/css", "js": "text/javascript", "json": "application/json",
        "xml": "application/xml", "txt": "text/plain", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "pdf": "application/pdf", "woff2": "font/woff2", "woff": "font/woff", "mp4": "video/mp4",
    ]
}
