// /sitemap.xml and /robots.txt: every published page (the 404 page excepted) for search engines.

import VigieInput
import VigieSupport

public enum SitemapWriter {
    /// - Parameter pages: paths of the HTML files (`statistiques/index.html`), sorted.
    public static func sitemap(pages: [String], config: SiteConfig) -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page != "404.html" {
            let url = config.baseURL + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
            out += "  <url><loc>\(XML.escape(url))</loc><lastmod>\(config.publicationDate.iso)</lastmod></url>\n"
        }
        out += "</urlset>\n"
        return Array(out.utf8)
    }

    public static func robots(config: SiteConfig) -> [UInt8] {
        Array("User-agent: *\nAllow: /\nSitemap: \(config.baseURL)sitemap.xml\n".utf8)
    }
}
