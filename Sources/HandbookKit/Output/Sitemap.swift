/// `sitemap.xml`, written only when `base_url` is set: absolute URLs need it.
enum Sitemap {
    static func xml(baseURL: String, paths: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() where path.hasSuffix(".html") && path != "404.html" && path != "search.html" {
            xml += "  <url><loc>\(HTML.escape(SiteRenderer.joinURL(baseURL, path)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
