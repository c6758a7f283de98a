// Answers preview requests from the last good build: files with their content type, folders as
// index.html, the site's 404 page, and the version endpoint that live reload polls.

import Foundation

struct PreviewHandler {
    let state: PreviewState

    /// The answer to a request whose head was read (`RequestHead`).
    func respond(to request: RequestHead) -> PreviewResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return PreviewResponse(status: 405, headers: [("Allow", "GET, HEAD")])
        }
        // The path as sent, percent-encoded, without the query or a fragment.
        let rawPath = String(request.target.prefix { $0 != "?" && $0 != "#" })
        if rawPath == "/__vigie/version" {
            return PreviewResponse(
                status: 200, headers: [("Content-Type", "text/plain"), ("Cache-Control", "no-store")],
                body: Data(String(state.version).utf8))
        }
        guard let relative = SafePath.relativeFile(for: rawPath) else {
            return PreviewResponse(status: 400, headers: [("Content-Type", "text/plain")], body: Data("bad request path\n".utf8))
        }
        guard state.hasSite else { return waitingPage() }
        let root = state.siteFolder
        var isDirectory: ObjCBool = false
        if let path = SafePath.resolve(relative, under: root), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                // /notes → /notes/ so that relative links resolve.
                return PreviewResponse(status: 301, headers: [("Location", SafePath.folderRedirect(for: relative))])
            }
            return file(at: path, status: 200)
        }
        // An edition's own 404 page for an address under its folder (`en/404.html` for /en/…), else the site's.
        let edition = relative.contains("/") ? relative.split(separator: "/", maxSplits: 1).first.map { String($0) + "/404.html" } : nil
        for page in [edition, "404.html"].compactMap({ $0 }) {
            if let notFound = SafePath.resolve(page, under: root), FileManager.default.fileExists(atPath: notFound) {
                return file(at: notFound, status: 404)
            }
        }
        return PreviewResponse(status: 404)
    }

    func file(at path: String, status: Int) -> PreviewResponse {
        guard var data = FileManager.default.contents(atPath: path) else { return PreviewResponse(status: 404) }
        let type = MIMEType.forPath(path)
        if type.hasPrefix("text/html") {
            data = Data(PreviewPage.decorate(String(decoding: data, as: UTF8.self), version: state.version, errors: state.errors).utf8)
        }
        return PreviewResponse(status: status, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: data)
    }

    func waitingPage() -> PreviewResponse {
        let html = PreviewPage.decorate(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigie preview</title></head><body><p>No successful build yet.</p></body></html>",
            version: state.version, errors: state.errors)
        return PreviewResponse(status: 503, headers: [("Content-Type", "text/html; charset=utf-8")], body: Data(html.utf8))
    }
}
