// Answers preview requests from the last good build: files with their content type, folders as
// index.html, the site's 404 page, and the version endpoint that live reload polls.

import FlyingFox
import Foundation

struct PreviewHandler: HTTPHandler {
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        let rawPath = request.target.path(percentEncoded: true)
        if rawPath == "/__vigie/version" {
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"], body: Data(String(state.version).utf8))
        }
        guard let relative = SafePath.relativeFile(for: rawPath) else {
            return HTTPResponse(statusCode: .badRequest, headers: [.contentType: "text/plain"], body: Data("bad request path\n".utf8))
        }
        guard state.hasSite else { return waitingPage() }
        let root = state.siteFolder
        var isDirectory: ObjCBool = false
        if let path = SafePath.resolve(relative, under: root), FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                // /notes → /notes/ so that relative links resolve.
                let headers: HTTPHeaders = [.location: SafePath.folderRedirect(for: relative)]
                return HTTPResponse(statusCode: .movedPermanently, headers: headers)
            }
            return file(at: path, status: .ok)
        }
        if let notFound = SafePath.resolve("404.html", under: root), FileManager.default.fileExists(atPath: notFound) {
            return file(at: notFound, status: .notFound)
        }
        return HTTPResponse(statusCode: .notFound)
    }

    func file(at path: String, status: HTTPStatusCode) -> HTTPResponse {
        guard var data = FileManager.default.contents(atPath: path) else { return HTTPResponse(statusCode: .notFound) }
        let type = MIMEType.forPath(path)
        if type.hasPrefix("text/html") {
            data = Data(PreviewPage.decorate(String(decoding: data, as: UTF8.self), version: state.version, errors: state.errors).utf8)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: data)
    }

    func waitingPage() -> HTTPResponse {
        let html = PreviewPage.decorate(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigie preview</title></head><body><p>No successful build yet.</p></body></html>",
            version: state.version, errors: state.errors)
        return HTTPResponse(statusCode: .serviceUnavailable, headers: [.contentType: "text/html; charset=utf-8"], body: Data(html.utf8))
    }
}
