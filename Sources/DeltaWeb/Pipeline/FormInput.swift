import DeltaServices
import DeltaStore
import Foundation
import Hummingbird

/// The fields of a submitted form: `application/x-www-form-urlencoded`, or `multipart/form-data`
/// when it carries a file (a document's text as .txt/.md). Read once per request by
/// `FormMiddleware` and handed to the handler as `context.form`.
struct FormInput: Sendable {
    /// The value of every field.
    private(set) var values: [String: String] = [:]
    /// The body as sent, when it was `application/x-www-form-urlencoded`, for typed decoding.
    private(set) var urlEncoded: String?
    /// Uploaded files by field name: file name and contents as UTF-8 text.
    private(set) var files: [String: (name: String, text: String)] = [:]
    /// Uploaded files by field name as bytes (any file: a .docx or .pdf to extract from).
    private(set) var fileBytes: [String: (name: String, bytes: [UInt8])] = [:]

    subscript(name: String) -> String? { values[name] }
    /// Every field's value.
    var allValues: [String: String] { values }

    /// A field's value trimmed, nil when empty.
    func trimmed(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    init(values: [String: String]) { self.values = values }

    /// Replaces one value (an uploaded file's text standing in for a pasted one).
    mutating func setValue(_ value: String, for name: String) { values[name] = value }

    /// Reads the request body as a form; refuses other content types and bodies over the context's limit.
    static func read(_ request: Request, context: AppRequestContext) async throws -> FormInput {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Array(body.readableBytesView)
        if type.hasPrefix("application/x-www-form-urlencoded") {
            let text = String(decoding: bytes, as: UTF8.self)
            var input = FormInput(values: try parseURLEncoded(text))
            input.urlEncoded = text
            return input
        }
        if type.hasPrefix("multipart/form-data"), let boundary = boundary(in: request.headers[.contentType] ?? "") {
            return try parseMultipart(bytes, boundary: boundary)
        }
        throw AppError(.unsupportedMediaType, "error.expectForm")
    }

    /// The form as a typed input, read with Hummingbird's `URLEncodedFormDecoder`; a field the
    /// type does not know is ignored, a malformed one refused.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try URLEncodedFormDecoder().decode(T.self, from: urlEncoded ?? "")
        } catch {
            throw AppError(.badRequest, "error.badForm")
        }
    }

    /// The values, with a document's text chosen as a file standing in for the pasted text; a
    /// file that is not UTF-8 text is refused with its name.
    func valuesWithUploadedText() throws -> [String: String] {
        var result = values
        if let file = fileBytes["textFile"], files["textFile"] == nil {
            throw AppError(.unprocessableContent, "error.fileNotUTF8", ["file": file.name])
        }
        if let file = files["textFile"], !file.text.isEmpty { result["text"] = file.text }
        return result
    }

    /// Fields of `application/x-www-form-urlencoded` text, read with Hummingbird's
    /// `URLEncodedFormDecoder` (a field named twice is refused rather than guessed at).
    static func parseURLEncoded(_ text: String) throws -> [String: String] {
        guard !text.isEmpty else { return [:] }
        do {
            return try URLEncodedFormDecoder().decode([String: String].self, from: text)
        } catch {
            throw AppError(.badRequest, "error.badForm")
        }
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" { return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return nil
    }

    /// A small multipart/form-data reader: parts separated by `--boundary`, each with headers,
    /// a blank line and its content. Files must be UTF-8 text.
    static func parseMultipart(_ bytes: [UInt8], boundary: String) throws -> FormInput {
        var input = FormInput(values: [:])
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        while index + delimiter.count <= bytes.count {
            if bytes[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                if let start { parts.append(bytes[start..<index]) }
                index += delimiter.count
                start = index
            } else {
                index += 1
            }
        }
        for part in parts {
            var slice = part
            // Each part starts with CRLF after the delimiter and ends with CRLF before the next one.
            if slice.starts(with: [13, 10]) { slice = slice.dropFirst(2) }
            if slice.count >= 2, slice.suffix(2).elementsEqual([13, 10]) { slice = slice.dropLast(2) }
            guard let split = firstIndex(of: [13, 10, 13, 10], in: slice) else { continue }
            let head = String(decoding: slice[slice.startIndex..<split], as: UTF8.self)
            let content = slice[(split + 4)...]
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }),
                  let name = parameter("name", in: String(disposition)) else { continue }
            let text = String(decoding: content, as: UTF8.self)
            if let fileName = parameter("filename", in: String(disposition)) {
                if !fileName.isEmpty || !content.isEmpty {
                    input.fileBytes[name] = (fileName, Array(content))
                    if String(validating: Array(content), as: UTF8.self) != nil { input.files[name] = (fileName, text) }
                }
            } else if input.values[name] == nil {
                input.values[name] = text
            }
        }
        return input
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
