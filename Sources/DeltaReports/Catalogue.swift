/// The fixed texts of one language: page texts, labels of values, messages, report and feed
/// texts, keyed by dotted names such as `nav.dossiers` or `milestoneStatus.achieved`.
///
/// Texts may name parameters in braces, `{title}`, filled in by `text(_:_:)`. A text whose key has
/// `.one` and `.other` children is a plural, chosen by `plural(_:count:_:)`.
public struct Catalogue: Sendable {
    /// The language of every text in this catalogue.
    public let language: Language
    /// Every text by its full key.
    public let entries: [String: String]
    /// The same texts as nested dictionaries, for templates (`{{t.nav.dossiers}}`).
    public let tree: TemplateTree

    /// A catalogue of the given texts.
    public init(language: Language, entries: [String: String]) {
        self.language = language
        self.entries = entries
        tree = TemplateTree(entries: entries)
    }

    /// The text for a key with its parameters filled in; a missing key shows as the key itself
    /// (the catalogue tests make sure none is missing).
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        guard let template = entries[key] else { return key }
        return arguments.isEmpty ? template : Self.fill(template, arguments)
    }

    /// Whether the catalogue has a text for the key.
    public func has(_ key: String) -> Bool { entries[key] != nil }

    /// The singular or plural form of a counted text; `{count}` is the number in this language.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        var all = arguments
        all["count"] = NumberWording(language: language).integer(count)
        return text("\(key).\(Self.category(count, language))", all)
    }

    /// CLDR plural categories for our languages: French counts 0 and 1 as singular.
    static func category(_ count: Int, _ language: Language) -> String {
        switch language {
        case .fr: count == 0 || count == 1 ? "one" : "other"
        case .nl, .en: count == 1 ? "one" : "other"
        }
    }

    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var result = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "{", let close = template[index...].firstIndex(of: "}") {
                let name = String(template[template.index(after: index)..<close])
                if let value = arguments[name] {
                    result += value
                    index = template.index(after: close)
                    continue
                }
            }
            result.append(character)
            index = template.index(after: index)
        }
        return result
    }
}
