/// A small HTML reader for tests: parses the pages the application renders into a tree of
/// elements and text, so that a test can look a section up and check what is (or is not)
/// inside it. A section that is missing then fails the test instead of turning into an empty
/// string that contains nothing.
///
/// It reads well-formed HTML as the templates write it: every non-void element closed
/// explicitly, attribute values quoted (or single words), character references for `&`, `<`,
/// `>`, `"` and `'`. It is strict where a lenient reader would hide a broken page: a closing tag
/// that does not close the open element, an element left open at the end, an unknown named
/// character reference, a duplicate attribute or a bare `<` in text all throw `HTMLParseError`.

// MARK: - Nodes

/// A node of a parsed page: an element, a run of text (character references decoded) or a comment.
public enum HTMLNode: Sendable {
    case element(HTMLElement)
    case text(String)
    case comment(String)
}

/// One attribute of an element: the name in lower case, the value with character references
/// decoded (an attribute written without a value has the empty string).
public struct HTMLAttribute: Sendable, Equatable {
    public let name: String
    public let value: String
}

/// An element of a parsed page.
public struct HTMLElement: HTMLContainer, CustomStringConvertible {
    /// The tag name in lower case.
    public let tag: String
    /// The attributes in source order.
    public let attributes: [HTMLAttribute]
    /// The nodes directly inside the element, in document order.
    public let children: [HTMLNode]
    let source: HTMLSource
    /// Byte offsets of the whole element (start tag to end tag) in the source.
    let range: Range<Int>

    /// The value of attribute `name` (case-insensitive), nil when the element does not have it.
    public func attribute(_ name: String) -> String? {
        let name = name.lowercased()
        for attribute in attributes where attribute.name == name { return attribute.value }
        return nil
    }

    /// The `id` attribute.
    public var id: String? { attribute("id") }

    /// The class names of the `class` attribute.
    public var classes: [String] {
        (attribute("class") ?? "").split(whereSeparator: isHTMLWhitespace).map(String.init)
    }

    /// Whether the `class` attribute lists `name`.
    public func hasClass(_ name: String) -> Bool { classes.contains(name) }

    /// The element as it is written in the page, from its start tag to its end tag, character
    /// references not decoded: for checks on exact markup inside a section that was looked up.
    public var markup: String { String(decoding: source.bytes[range], as: UTF8.self) }

    /// The line (from 1) of the element's start tag in the page.
    public var line: Int { source.position(of: range.lowerBound).line }

    /// The start tag, attributes in source order, and its line: how errors name the element.
    public var description: String {
        let attributeText = attributes.map { " \($0.name)=\"\($0.value)\"" }.joined()
        return "<\(tag)\(attributeText)> (line \(line))"
    }

    public var containerDescription: String { description }
}

/// A parsed page.
public struct HTMLDocument: HTMLContainer, CustomStringConvertible {
    /// The top-level nodes: usually the `<html>` element.
    public let children: [HTMLNode]
    /// The text of the `<!DOCTYPE …>` declaration (for example `DOCTYPE html`), if there is one.
    public let doctype: String?

    /// Parses `html`; throws `HTMLParseError` on markup it cannot read as a tree (see the type's
    /// documentation above).
    public init(parsing html: String) throws {
        var parser = HTMLParser(source: HTMLSource(html))
        (children, doctype) = try parser.parseDocument()
    }

    public var description: String { "the document" }
    public var containerDescription: String { description }
}

// MARK: - Queries

/// An element or a document: something with child nodes to search.
public protocol HTMLContainer: Sendable {
    /// The nodes directly inside, in document order.
    var children: [HTMLNode] { get }
    /// How an error names this container (a start tag with its line, or "the document").
    var containerDescription: String { get }
}

extension HTMLContainer {
    /// The elements directly inside, in document order.
    public var childElements: [HTMLElement] {
        children.compactMap { node in
            if case .element(let element) = node { element } else { nil }
        }
    }

    /// Every element inside (not this one itself), depth first in document order.
    public var descendants: [HTMLElement] {
        var result: [HTMLElement] = []
        func walk(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                result.append(element)
                walk(element.children)
            }
        }
        walk(children)
        return result
    }

    /// The text inside, as `textContent` gives it (comments left out, character references
    /// decoded, no space added between elements), with runs of whitespace collapsed to one space
    /// and no whitespace at either end.
    public var text: String {
        var raw = ""
        func walk(_ nodes: [HTMLNode]) {
            for node in nodes {
                switch node {
                case .text(let text): raw += text
                case .element(let element): walk(element.children)
                case .comment: break
                }
            }
        }
        walk(children)
        var result = ""
        var pendingSpace = false
        for character in raw {
            if character.unicodeScalars.allSatisfy(isHTMLWhitespace) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// The elements inside with tag name `tag` (case-insensitive), in document order.
    public func elements(tag: String) -> [HTMLElement] {
        let tag = tag.lowercased()
        return descendants.filter { $0.tag == tag }
    }

    /// The elements inside whose `class` attribute lists `name`, in document order.
    public func elements(class name: String) -> [HTMLElement] {
        descendants.filter { $0.hasClass(name) }
    }

    /// The first element inside with `id` `id`, or nil.
    public func element(id: String) -> HTMLElement? {
        descendants.first { $0.id == id }
    }

    /// The elements inside that match `selector`, in document order. The selector is a tiny
    /// subset of CSS: compound selectors of a tag name (or `*`), `#id`, `.class`, `[name]` and
    /// `[name="value"]`, joined by whitespace (descendant) or `>` (child). Ancestors are looked
    /// for only inside this container, so `section.select("li")` and `section.select("ul li")`
    /// never match through an element around the section. Throws `HTMLQueryError` on a selector
    /// it does not understand.
    public func select(_ selector: String) throws -> [HTMLElement] {
        let parsed = try HTMLSelector(selector)
        var result: [HTMLElement] = []
        var ancestors: [HTMLElement] = []
        func walk(_ nodes: [HTMLNode]) {
            for case .element(let element) in nodes {
                if parsed.matches(element, ancestors: ancestors[...]) { result.append(element) }
                ancestors.append(element)
                walk(element.children)
                ancestors.removeLast()
            }
        }
        walk(children)
        return result
    }

    /// The first element inside that matches `selector`, or nil.
    public func first(_ selector: String) throws -> HTMLElement? {
        try select(selector).first
    }

    /// The one element inside that matches `selector`. Throws `HTMLQueryError` when none does,
    /// and when more than one does (a check inside the wrong one of two would prove nothing):
    /// make the selector more specific then.
    public func requireElement(_ selector: String) throws -> HTMLElement {
        let found = try select(selector)
        guard found.count == 1, let element = found.first else {
            throw HTMLQueryError(description: found.isEmpty
                ? "no element matches “\(selector)” in \(containerDescription)"
                : "\(found.count) elements match “\(selector)” in \(containerDescription), expected one: "
                    + found.prefix(5).map(\.description).joined(separator: ", "))
        }
        return element
    }

    /// The elements inside that match `selector` and have an element inside them that matches
    /// `inner` (and, when `text` is given, whose `text` is exactly `text`), in document order:
    /// `select("tr", having: "th", text: "2026")` is the table row headed 2026.
    public func select(_ selector: String, having inner: String, text: String? = nil) throws -> [HTMLElement] {
        var result: [HTMLElement] = []
        for element in try select(selector) {
            let matches = try element.select(inner)
            if let text {
                if matches.contains(where: { $0.text == text }) { result.append(element) }
            } else if !matches.isEmpty {
                result.append(element)
            }
        }
        return result
    }

    /// The one element inside that matches `selector` and has an element matching `inner` (with
    /// text `text`, when given) inside it. Throws `HTMLQueryError` when none or more than one does.
    public func requireElement(_ selector: String, having inner: String, text: String? = nil) throws -> HTMLElement {
        let found = try select(selector, having: inner, text: text)
        guard found.count == 1, let element = found.first else {
            let what = "“\(selector)” having “\(inner)”" + (text.map { " with text “\($0)”" } ?? "")
            throw HTMLQueryError(description: found.isEmpty
                ? "no element matches \(what) in \(containerDescription)"
                : "\(found.count) elements match \(what) in \(containerDescription), expected one: "
                    + found.prefix(5).map(\.description).joined(separator: ", "))
        }
        return element
    }

    /// In a description list: the `<dd>` right after the one `<dt>` inside whose text is `term`.
    /// Throws `HTMLQueryError` when there is no such term, more than one, or no `<dd>` after it.
    public func requireDefinition(_ term: String) throws -> HTMLElement {
        var found: [HTMLElement] = []
        for list in [self as any HTMLContainer] + elements(tag: "dl").map({ $0 as any HTMLContainer }) {
            let items = list.childElements
            for (index, item) in items.enumerated() where item.tag == "dt" && item.text == term {
                guard index + 1 < items.count, items[index + 1].tag == "dd" else {
                    throw HTMLQueryError(description: "the term “\(term)” in \(containerDescription) is not followed by a <dd>")
                }
                found.append(items[index + 1])
            }
        }
        guard found.count == 1, let definition = found.first else {
            throw HTMLQueryError(description: found.isEmpty
                ? "no term <dt>\(term)</dt> in \(containerDescription)"
                : "\(found.count) terms <dt>\(term)</dt> in \(containerDescription), expected one")
        }
        return definition
    }

    /// Whether `needle` occurs in the text inside (see `text`) or in the value of an attribute of
    /// an element inside (or of this element itself), character references decoded: the check
    /// for "this page does not show or carry X anywhere".
    public func mentions(_ needle: String) -> Bool {
        if text.contains(needle) { return true }
        var elements = descendants
        if let element = self as? HTMLElement { elements.append(element) }
        for element in elements {
            for attribute in element.attributes where attribute.value.contains(needle) { return true }
        }
        return false
    }

    /// The element inside with `id` `id`. Throws `HTMLQueryError` when there is none, or more than one.
    public func requireElement(id: String) throws -> HTMLElement {
        let found = descendants.filter { $0.id == id }
        guard found.count == 1, let element = found.first else {
            throw HTMLQueryError(description: found.isEmpty
                ? "no element with id “\(id)” in \(containerDescription)"
                : "\(found.count) elements have id “\(id)” in \(containerDescription)")
        }
        return element
    }
}

// MARK: - Errors

/// Markup the reader cannot turn into a tree, with where it is in the page.
public struct HTMLParseError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public let message: String
    /// Line (from 1) and column (from 1, in UTF-8 bytes) in the page.
    public let line: Int
    public let column: Int

    public var description: String { "HTML line \(line), column \(column): \(message)" }
}

/// A query that found nothing (or too much), or a selector the reader does not understand.
public struct HTMLQueryError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

// MARK: - Parser

/// The page's bytes, shared by every element of one document.
final class HTMLSource: Sendable {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Line and column (both from 1) of byte `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }
}

/// Elements that never have content or an end tag.
let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
/// Elements whose content is text up to their end tag: not parsed (`script`, `style`) or with
/// character references only (`textarea`, `title`).
let rawTextElements: Set<String> = ["script", "style"]
let escapableRawTextElements: Set<String> = ["textarea", "title"]

func isHTMLWhitespace(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy(isHTMLWhitespace)
}

func isHTMLWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
}

private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
}

private func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
}

private func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

private func isASCIIHexDigit(_ byte: UInt8) -> Bool {
    isASCIIDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
}

/// Whether `node` is whitespace or a comment (what may come before `<!DOCTYPE>`).
private func isBlankText(_ node: HTMLNode) -> Bool {
    switch node {
    case .text(let text): text.allSatisfy(isHTMLWhitespace)
    case .comment: true
    case .element: false
    }
}

/// The named character references the reader knows.
let namedCharacterReferences: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
]

struct HTMLParser {
    let source: HTMLSource
    private var bytes: [UInt8] { source.bytes }
    private var position = 0

    init(source: HTMLSource) { self.source = source }

    /// An element whose end tag has not been read yet.
    private struct OpenElement {
        let tag: String
        let attributes: [HTMLAttribute]
        let start: Int
        var children: [HTMLNode] = []
    }

    private func error(_ message: String, at offset: Int) -> HTMLParseError {
        let (line, column) = source.position(of: offset)
        return HTMLParseError(message: message, line: line, column: column)
    }

    private func describe(_ open: OpenElement) -> String {
        "<\(open.tag)> (line \(source.position(of: open.start).line))"
    }

    private func startsWith(_ text: String, at offset: Int, caseInsensitive: Bool = false) -> Bool {
        let needle = Array(text.utf8)
        guard offset + needle.count <= bytes.count else { return false }
        for (index, byte) in needle.enumerated() {
            let found = bytes[offset + index]
            if caseInsensitive ? lowercase(found) != lowercase(byte) : found != byte { return false }
        }
        return true
    }

    private func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    mutating func parseDocument() throws -> (children: [HTMLNode], doctype: String?) {
        var stack: [OpenElement] = []
        var topLevel: [HTMLNode] = []
        var doctype: String?

        func append(_ node: HTMLNode) {
            if stack.isEmpty { topLevel.append(node) } else { stack[stack.count - 1].children.append(node) }
        }

        while position < bytes.count {
            let start = position
            guard bytes[position] == UInt8(ascii: "<") else {
                var end = position
                while end < bytes.count && bytes[end] != UInt8(ascii: "<") { end += 1 }
                append(.text(try decode(start..<end)))
                position = end
                continue
            }
            if startsWith("<!--", at: position) {
                guard let end = find("-->", from: position + 4) else { throw error("a comment that is never closed", at: start) }
                append(.comment(string(position + 4..<end)))
                position = end + 3
            } else if startsWith("<!", at: position) {
                guard let end = find(">", from: position + 2) else { throw error("a declaration that is never closed", at: start) }
                let declaration = string(position + 2..<end)
                guard declaration.lowercased().hasPrefix("doctype") else { throw error("an unknown declaration <!\(declaration)>", at: start) }
                guard doctype == nil, stack.isEmpty, topLevel.allSatisfy(isBlankText) else {
                    throw error("<!\(declaration)> is not at the start of the page", at: start)
                }
                doctype = declaration
                position = end + 1
            } else if startsWith("</", at: position) {
                position += 2
                let name = readName()
                guard !name.isEmpty else { throw error("a closing tag without a name", at: start) }
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else {
                    throw error("the closing tag </\(name) does not end with >", at: start)
                }
                position += 1
                guard let open = stack.last else {
                    throw error("closing tag </\(name)> but no element is open", at: start)
                }
                guard open.tag == name else {
                    let hint = voidElements.contains(name) ? " (<\(name)> is a void element and has no closing tag)" : ""
                    throw error("mismatched closing tag </\(name)>: the open element is \(describe(open))\(hint)", at: start)
                }
                stack.removeLast()
                let element = HTMLElement(tag: open.tag, attributes: open.attributes, children: open.children,
                                          source: source, range: open.start..<position)
                append(.element(element))
            } else if position + 1 < bytes.count, isASCIILetter(bytes[position + 1]) {
                position += 1
                let tag = readName()
                let (attributes, selfClosing) = try readAttributes(of: tag, tagStart: start)
                if voidElements.contains(tag) {
                    append(.element(HTMLElement(tag: tag, attributes: attributes, children: [], source: source, range: start..<position)))
                    continue
                }
                if selfClosing { throw error("<\(tag)/>: only void elements may be written self-closing", at: start) }
                var open = OpenElement(tag: tag, attributes: attributes, start: start)
                if rawTextElements.contains(tag) || escapableRawTextElements.contains(tag) {
                    guard let end = findClosingTag(tag, from: position) else {
                        throw error("<\(tag)> is never closed", at: start)
                    }
                    if end > position {
                        let content = rawTextElements.contains(tag) ? string(position..<end) : try decode(position..<end)
                        open.children.append(.text(content))
                    }
                    position = end
                }
                stack.append(open)
            } else {
                throw error("a bare “<” in text (it should be written &lt;)", at: start)
            }
        }
        if let open = stack.last {
            throw error("\(describe(open)) is never closed; open at the end: "
                + stack.map { "<\($0.tag)>" }.joined(separator: " "), at: bytes.count)
        }
        return (topLevel, doctype)
    }

    private func find(_ text: String, from offset: Int) -> Int? {
        var index = offset
        while index < bytes.count {
            if startsWith(text, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The offset of `</tag` (any case) followed by whitespace, `/` or `>`.
    private func findClosingTag(_ tag: String, from offset: Int) -> Int? {
        var index = offset
        while index < bytes.count {
            if startsWith("</\(tag)", at: index, caseInsensitive: true) {
                let after = index + 2 + tag.utf8.count
                if after < bytes.count, isWhitespace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/") {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    private mutating func skipWhitespace() {
        while position < bytes.count && isWhitespace(bytes[position]) { position += 1 }
    }

    /// A tag name (letters, digits, `-`, `_`, `:`), lower-cased.
    private mutating func readName() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            guard isASCIILetter(byte) || isASCIIDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") else { break }
            position += 1
        }
        return string(start..<position).lowercased()
    }

    /// The attributes up to and including the `>` of a start tag; whether it ended in `/>`.
    private mutating func readAttributes(of tag: String, tagStart: Int) throws -> ([HTMLAttribute], Bool) {
        var attributes: [HTMLAttribute] = []
        while true {
            let hadWhitespace = position < bytes.count && isWhitespace(bytes[position])
            skipWhitespace()
            guard position < bytes.count else { throw error("the start tag <\(tag) is never closed with >", at: tagStart) }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return (attributes, false)
            }
            if startsWith("/>", at: position) {
                position += 2
                return (attributes, true)
            }
            guard hadWhitespace else { throw error("no space before an attribute of <\(tag)>", at: position) }
            let nameStart = position
            while position < bytes.count {
                let byte = bytes[position]
                if isWhitespace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                    || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") { break }
                position += 1
            }
            let name = string(nameStart..<position).lowercased()
            guard !name.isEmpty else { throw error("an unexpected “\(string(position..<position + 1))” in the start tag <\(tag)>", at: position) }
            var value = ""
            if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                position += 1
                guard position < bytes.count else { throw error("the start tag <\(tag) is never closed with >", at: tagStart) }
                let quote = bytes[position]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = position + 1
                    var end = valueStart
                    while end < bytes.count && bytes[end] != quote { end += 1 }
                    guard end < bytes.count else { throw error("the value of \(name) in <\(tag)> is never closed", at: nameStart) }
                    value = try decode(valueStart..<end)
                    position = end + 1
                } else {
                    let valueStart = position
                    while position < bytes.count, !isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                        let byte = bytes[position]
                        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "`") {
                            throw error("an unquoted value of \(name) in <\(tag)> holds “\(string(position..<position + 1))”", at: position)
                        }
                        position += 1
                    }
                    guard position > valueStart else { throw error("\(name)= in <\(tag)> has no value", at: nameStart) }
                    value = try decode(valueStart..<position)
                }
            }
            if attributes.contains(where: { $0.name == name }) {
                throw error("<\(tag)> has the attribute \(name) twice", at: nameStart)
            }
            attributes.append(HTMLAttribute(name: name, value: value))
        }
    }

    /// Text with its character references decoded. `&` not followed by a reference is itself;
    /// an unknown named reference (`&foo;`) or a numeric one out of range throws.
    private func decode(_ range: Range<Int>) throws -> String {
        guard bytes[range].contains(UInt8(ascii: "&")) else { return string(range) }
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                result.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            if end < range.upperBound, bytes[end] == UInt8(ascii: "#") {
                end += 1
                let hex = end < range.upperBound && (bytes[end] == UInt8(ascii: "x") || bytes[end] == UInt8(ascii: "X"))
                if hex { end += 1 }
                let digitsStart = end
                while end < range.upperBound, hex ? isASCIIHexDigit(bytes[end]) : isASCIIDigit(bytes[end]) { end += 1 }
                guard end > digitsStart, end < range.upperBound, bytes[end] == UInt8(ascii: ";") else {
                    throw error("a numeric character reference without digits or “;”", at: index)
                }
                let digits = string(digitsStart..<end)
                guard let code = UInt32(digits, radix: hex ? 16 : 10), code != 0, let scalar = Unicode.Scalar(code) else {
                    throw error("&#\(hex ? "x" : "")\(digits); is not a character", at: index)
                }
                result.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = end + 1
                continue
            }
            while end < range.upperBound, isASCIILetter(bytes[end]) || isASCIIDigit(bytes[end]) { end += 1 }
            if end > index + 1, end < range.upperBound, bytes[end] == UInt8(ascii: ";") {
                let name = string(index + 1..<end)
                guard let replacement = namedCharacterReferences[name] else {
                    throw error("unknown character reference &\(name);", at: index)
                }
                result.append(contentsOf: Array(replacement.utf8))
                index = end + 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

// MARK: - Selectors

/// A parsed selector of the tiny subset `select(_:)` understands.
struct HTMLSelector {
    struct Compound: CustomStringConvertible {
        var tag: String?
        var ids: [String] = []
        var classes: [String] = []
        var attributes: [(name: String, value: String?)] = []

        func matches(_ element: HTMLElement) -> Bool {
            if let tag, tag != element.tag { return false }
            for id in ids where element.id != id { return false }
            for name in classes where !element.hasClass(name) { return false }
            for (name, value) in attributes {
                guard let found = element.attribute(name) else { return false }
                if let value, found != value { return false }
            }
            return true
        }

        var description: String {
            (tag ?? "*") + ids.map { "#\($0)" }.joined() + classes.map { ".\($0)" }.joined()
                + attributes.map { "[\($0.name)\($0.value.map { "=\"\($0)\"" } ?? "")]" }.joined()
        }
    }

    enum Combinator { case descendant, child }

    /// The compounds left to right; `combinators[i]` joins compound `i` to compound `i + 1`.
    var compounds: [Compound] = []
    var combinators: [Combinator] = []

    init(_ text: String) throws {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func fail(_ reason: String) -> HTMLQueryError {
            HTMLQueryError(description: "the selector “\(text)” \(reason) (supported: tag, *, #id, .class, [name], [name=\"value\"], descendant and >)")
        }
        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }
        func readName() throws -> String {
            let start = index
            while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
            guard index > start else { throw fail("lacks a name at position \(start + 1)") }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }
        func skipSpaces() -> Bool {
            let start = index
            while index < scalars.count, isHTMLWhitespace(scalars[index]) { index += 1 }
            return index > start
        }
        func readCompound() throws -> Compound {
            var compound = Compound()
            var empty = true
            if index < scalars.count, scalars[index] == "*" {
                index += 1
                empty = false
            } else if index < scalars.count, isNameScalar(scalars[index]) {
                compound.tag = try readName().lowercased()
                empty = false
            }
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "#" {
                    index += 1
                    compound.ids.append(try readName())
                } else if scalar == "." {
                    index += 1
                    compound.classes.append(try readName())
                } else if scalar == "[" {
                    index += 1
                    _ = skipSpaces()
                    let name = try readName().lowercased()
                    _ = skipSpaces()
                    var value: String?
                    if index < scalars.count, scalars[index] == "=" {
                        index += 1
                        _ = skipSpaces()
                        if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                            let quote = scalars[index]
                            let start = index + 1
                            var end = start
                            while end < scalars.count, scalars[end] != quote { end += 1 }
                            guard end < scalars.count else { throw fail("has an attribute value that is never closed") }
                            value = String(String.UnicodeScalarView(scalars[start..<end]))
                            index = end + 1
                        } else {
                            value = try readName()
                        }
                        _ = skipSpaces()
                    }
                    guard index < scalars.count, scalars[index] == "]" else { throw fail("lacks a “]”") }
                    index += 1
                    compound.attributes.append((name, value))
                } else {
                    break
                }
                empty = false
            }
            if empty {
                throw fail(index < scalars.count ? "has an unexpected “\(scalars[index])” at position \(index + 1)" : "ends where a selector is expected")
            }
            return compound
        }

        _ = skipSpaces()
        compounds.append(try readCompound())
        while index < scalars.count {
            let spaced = skipSpaces()
            guard index < scalars.count else { break }
            if scalars[index] == ">" {
                index += 1
                _ = skipSpaces()
                combinators.append(.child)
            } else if spaced {
                combinators.append(.descendant)
            } else {
                throw fail("has an unexpected “\(scalars[index])” at position \(index + 1)")
            }
            compounds.append(try readCompound())
        }
    }

    /// Whether `element`, inside `ancestors` (outermost first), matches.
    func matches(_ element: HTMLElement, ancestors: ArraySlice<HTMLElement>) -> Bool {
        guard let last = compounds.last, last.matches(element) else { return false }
        return matches(compoundIndex: compounds.count - 2, below: ancestors)
    }

    /// Whether compounds `0...compoundIndex` match within `ancestors`, compound `compoundIndex`
    /// joined by its combinator to the element just below the last ancestor.
    private func matches(compoundIndex: Int, below ancestors: ArraySlice<HTMLElement>) -> Bool {
        guard compoundIndex >= 0 else { return true }
        let compound = compounds[compoundIndex]
        switch combinators[compoundIndex] {
        case .child:
            guard let parent = ancestors.last, compound.matches(parent) else { return false }
            return matches(compoundIndex: compoundIndex - 1, below: ancestors.dropLast())
        case .descendant:
            var candidates = ancestors
            while let ancestor = candidates.popLast() {
                if compound.matches(ancestor), matches(compoundIndex: compoundIndex - 1, below: candidates) { return true }
            }
            return false
        }
    }
}
