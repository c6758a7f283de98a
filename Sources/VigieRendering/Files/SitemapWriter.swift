// /sitemap.xml and /robots.txt: every published page (the 404 pages excepted) for search engines.

import VigieInput
import VigieSupport

public enum SitemapWriter {
    /// - Parameters:
    ///   - pages: paths of the HTML files (`statistiques/index.html`), sorted.
    ///   - alternates: each page's versions in every language (`hreflang` and URL, itself included),
    ///     listed as `xhtml:link`s; empty for a site of one language.
    public static func sitemap(pages: [String], config: SiteConfig, alternates: [String: [(language: String, url: String)]] = [:])
        -> [UInt8]
    {
        let xhtml = alternates.isEmpty ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\(xhtml)>\n"
        for page in pages where page != "404.html" && !page.hasSuffix("/404.html") {
            let url = config.baseURL + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
            guard let links = alternates[page], !links.isEmpty else {
                out += "  <url><loc>\(XML.escape(url))</loc><lastmod>\(config.publicationDate.iso)</lastmod></url>\n"
                continue
            }
            out += "  <url><loc>\(XML.escape(url))</loc><lastmod>\(config.publicationDate.iso)</lastmod>\n"
            for link in links {
                out += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XML.escape(link.language))\" href=\"\(XML.escape(link.url))\"/>\n"
            }
            out += "  </url>\n"
        }
        out += "</urlset>\n"
        return Array(out.utf8)
    }

    public static func robots(config: SiteConfig) -> [UInt8] {
        Array("User-agent: *\nAllow: /\nSitemap: \(config.baseURL)sitemap.xml\n".utf8)
    }
}
