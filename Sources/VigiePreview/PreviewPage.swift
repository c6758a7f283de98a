// Preview-only additions to HTML pages: the error overlay (server-side, readable without
// JavaScript) and a tiny reload script. Never part of a published site.

enum PreviewPage {
    static func decorate(_ html: String, version: Int, errors: [String]) -> String {
        var page = html
        if !errors.isEmpty, let bodyStart = page.range(of: "<body>") {
            page.insert(contentsOf: overlay(errors), at: bodyStart.upperBound)
        }
        let script = """
            <script>/* vigie serve: reload when the site is rebuilt */
            (function(){var v="\(version)";setInterval(function(){fetch("/__vigie/version",{cache:"no-store"}).then(function(r){return r.text()}).then(function(t){if(t!==v){location.reload()}}).catch(function(){})},500)})();
            </script>
            """
        if let bodyEnd = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script, at: bodyEnd.lowerBound)
        } else {
            page += script
        }
        return page
    }

    static func overlay(_ errors: [String]) -> String {
        let lines = errors.map(escape).joined(separator: "\n")
        return """
            <div id="vigie-errors" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:9999;max-height:70vh;overflow:auto;background:#fff4f4;color:#1e1e1e;border-bottom:4px solid #a4221b;padding:1rem 1.5rem;font:14px/1.5 ui-monospace,monospace;box-shadow:0 4px 12px rgba(0,0,0,.25)">
            <p style="margin:0 0 .5rem;font-weight:700;color:#a4221b">The content has errors: this preview shows the last good build. Fix them and save; the page reloads.</p>
            <pre style="margin:0;white-space:pre-wrap">\(lines)</pre>
            </div>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
