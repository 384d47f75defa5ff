import Foundation
import HTTPTypes
import HummingbirdTesting
import Yams

/// What one GET answered.
struct CrawledAnswer: Sendable {
    let status: Int
    let contentType: String
    let body: String
}

/// Visits every URL an anonymous visitor can reach from a set of starting points: the links, sources
/// and GET forms of HTML pages, every same-site path in JSON, CSV, calendar, SVG and Markdown
/// answers, and every GET route (of the router and of openapi.yaml) whose `{id}` can be filled with
/// an id seen so far. Personal feeds (`/feeds/…`, behind a secret) and static files are left out.
struct Crawler: Sendable {
    /// Every answer, by URL (path and query).
    private(set) var answers: [String: CrawledAnswer] = [:]
    /// Where each URL was first found (for messages).
    private(set) var foundOn: [String: String] = [:]
    /// The ids seen after a path segment ("dossiers" → ["pub-dossier", …]).
    private(set) var idsBySegment: [String: Set<String>] = [:]
    /// Route templates with parameters ("/api/dossiers/{id}/record").
    let templates: [String]
    /// The most URLs one crawl visits (a guard against a link that generates links).
    let limit: Int

    private var queue: [String] = []
    private var languageSampled: Set<String> = []

    init(templates: [String], limit: Int = 5_000) {
        self.templates = templates.filter { $0.contains("{") }
        self.limit = limit
    }

    /// Crawls from `start` until nothing new is found (or `limit` URLs were visited).
    mutating func run(from start: [String], client: any TestClientProtocol) async throws {
        for url in start { enqueue(url, from: "start") }
        while true {
            while !queue.isEmpty, answers.count < limit {
                let url = queue.removeFirst()
                let response = try await client.execute(uri: url, method: .get)
                let answer = CrawledAnswer(status: Int(response.status.code), contentType: response.headers[.contentType] ?? "",
                                           body: response.text)
                answers[url] = answer
                learn(from: answer, at: url)
            }
            // Routes with parameters, filled with every id seen after their segment.
            for template in templates { for url in Self.expand(template, ids: idsBySegment) { enqueue(url, from: template) } }
            if queue.isEmpty || answers.count >= limit { break }
        }
    }

    private mutating func enqueue(_ raw: String, from origin: String) {
        guard let url = Self.normalise(raw), answers[url] == nil, foundOn[url] == nil else { return }
        foundOn[url] = origin
        queue.append(url)
    }

    private mutating func learn(from answer: CrawledAnswer, at url: String) {
        let path = String(url.split(separator: "?", maxSplits: 1).first ?? "")
        let segments = path.split(separator: "/").map(String.init)
        if answer.contentType.hasPrefix("application/json"), let data = answer.body.data(using: .utf8),
           let json = try? JSONDecoder().decode(JSONValue.self, from: data) {
            // The ids an /api/<segment> answer lists (also nested ones: a wrong guess answers 404).
            let segment = segments.first == "api" && segments.count > 1 ? segments[1] : segments.first ?? ""
            for id in Self.ids(in: json) { idsBySegment[segment, default: []].insert(id) }
            // Lists named after a kind ("milestones": [{"id": …}]) name ids of that kind.
            for (key, id) in Self.listedIDs(in: json) { idsBySegment[key, default: []].insert(id) }
        }
        guard answer.status < 300 else { return }
        for link in Self.links(in: answer) {
            enqueue(link, from: url)
            // Ids after a segment in links: /dossiers/pub-dossier, /meetings/pub-meeting.
            guard let normal = Self.normalise(link) else { continue }
            let parts = normal.split(separator: "?").first.map { $0.split(separator: "/").map(String.init) } ?? []
            for index in parts.indices.dropLast() where Self.looksLikeID(parts[index + 1]) {
                let segment = parts[index] == "api" ? nil : parts[index]
                if let segment { idsBySegment[segment, default: []].insert(parts[index + 1]) }
            }
        }
        // The same page in the other languages, once per kind of page.
        if answer.contentType.hasPrefix("text/html"), !url.contains("?") {
            let shape = segments.enumerated().map { $0.offset == 0 ? $0.element : "*" }.joined(separator: "/")
            if languageSampled.insert(shape).inserted {
                for language in ["en", "fr"] { enqueue("\(url)?lang=\(language)", from: url) }
            }
        }
    }

    // MARK: Reading answers

    /// Same-site paths an answer points at: links, sources and GET forms in HTML and SVG, every
    /// string starting with "/" in JSON, every "/…" path in other text.
    static func links(in answer: CrawledAnswer) -> [String] {
        let body = answer.body
        if answer.contentType.hasPrefix("application/json") {
            guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) else { return [] }
            return json.allStrings.filter { $0.hasPrefix("/") && !$0.hasPrefix("//") }
        }
        var found: [String] = []
        if answer.contentType.hasPrefix("text/html") || answer.contentType.hasPrefix("image/svg") {
            found += body.captures(#"(?:href|src)\s*=\s*"([^"]*)""#).map(unescape)
            found += getForms(in: body)
        }
        // Paths in running text (Markdown links, calendar URLs, CSV cells, YAML).
        if answer.contentType.hasPrefix("text/html") { return found }
        found += body.captures(#"(?:^|[\s(\["'<>,;=])(/[A-Za-z0-9][A-Za-z0-9_\-./%?=&#]*)"#).map(unescape)
        found += body.captures(#"https?://(?:localhost|127\.0\.0\.1)(?::\d+)?(/[A-Za-z0-9_\-./%?=&#]*)"#)
        return found
    }

    /// For each GET form: its action with each option of each select, and with each radio or checkbox value.
    static func getForms(in html: String) -> [String] {
        var urls: [String] = []
        for form in html.captures(#"(<form\b[^>]*>.*?</form>)"#) {
            let tag = form.captures(#"^(<form\b[^>]*>)"#).first ?? ""
            let method = (tag.captures(#"method\s*=\s*"([^"]*)""#).first ?? "get").lowercased()
            guard method == "get" else { continue }
            let action = unescape(tag.captures(#"action\s*=\s*"([^"]*)""#).first ?? "")
            guard action.hasPrefix("/") else { continue }
            for select in form.captures(#"(<select\b.*?</select>)"#) {
                guard let name = select.captures(#"name\s*=\s*"([^"]*)""#).first else { continue }
                for value in select.captures(#"<option\b[^>]*value\s*=\s*"([^"]*)""#) where !value.isEmpty {
                    urls.append("\(action)?\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)")
                }
            }
            for input in form.captures(#"(<input\b[^>]*>)"#) where input.contains("radio") || input.contains("checkbox") {
                guard let name = input.captures(#"name\s*=\s*"([^"]*)""#).first,
                      let value = input.captures(#"value\s*=\s*"([^"]*)""#).first else { continue }
                urls.append("\(action)?\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)")
            }
        }
        return urls
    }

    /// Every value of an "id" key anywhere in a JSON value.
    static func ids(in json: JSONValue) -> [String] {
        switch json {
        case .object(let object):
            return (object["id"]?.string.map { [$0] } ?? []) + object.values.flatMap(ids(in:))
        case .array(let values): return values.flatMap(ids(in:))
        default: return []
        }
    }

    /// (key, id) for every object with an "id" inside an array held by `key`, anywhere.
    static func listedIDs(in json: JSONValue) -> [(String, String)] {
        switch json {
        case .object(let object):
            return object.flatMap { key, value in
                value.array.compactMap { $0["id"]?.string }.map { (key, $0) } + listedIDs(in: value)
            }
        case .array(let values): return values.flatMap(listedIDs(in:))
        default: return []
        }
    }

    /// A register id: lower-case letters, digits and dashes.
    static func looksLikeID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && text.first != "-"
            && !text.contains(".")
    }

    /// A crawlable URL (path and query, no fragment), or nil for other sites, static files and personal feeds.
    static func normalise(_ raw: String) -> String? {
        var url = raw.trimmingCharacters(in: .whitespaces)
        if let hash = url.firstIndex(of: "#") { url = String(url[..<hash]) }
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return nil }
        for skipped in ["/static/", "/feeds/"] where url.hasPrefix(skipped) { return nil }
        return url
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
    }

    /// A template with each parameter filled with the ids seen after the segment before it;
    /// templates whose parameter follows no known segment are left out.
    static func expand(_ template: String, ids: [String: Set<String>]) -> [String] {
        var results = [""]
        let parts = template.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for (index, part) in parts.enumerated() {
            if part.hasPrefix("{") {
                let segment = index > 0 ? parts[index - 1] : ""
                let values = (ids[segment] ?? []).sorted()
                guard !values.isEmpty else { return [] }
                results = results.flatMap { prefix in values.map { "\(prefix)/\($0)" } }
            } else {
                results = results.map { "\($0)/\(part)" }
            }
        }
        return results
    }
}
