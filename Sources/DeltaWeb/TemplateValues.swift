/// Turns an `Encodable` view model into plain dictionaries, arrays, strings, numbers and
/// booleans for mustache.
///
/// Why: swift-mustache reads a Swift struct by reflection, building a `Mirror` and scanning
/// its children for every `{{name}}` it looks up; dictionaries are looked up by hash. The page
/// models are `Codable` anyway (they are the JSON twins), so encoding them once per request
/// costs far less than reflecting on them hundreds of times. `nil` values are left out, which
/// mustache treats as false, just as it treats a `nil` optional.
enum TemplateValues {
    /// The model as a tree of `[String: Any]`, `[Any]` and scalars.
    static func tree(_ value: some Encodable) throws -> Any {
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        return encoder.box.resolved
    }
}

/// A value being built: a scalar, or a container that children write into later.
/// A class, so that containers handed out by the encoder write into the same place.
private final class TreeBox {
    var scalar: Any?
    var dictionary: [String: TreeBox]?
    var array: [TreeBox]?

    var isEmpty: Bool { scalar == nil && dictionary == nil && array == nil }

    var resolved: Any {
        if let scalar { return scalar }
        if let array { return array.map(\.resolved) }
        var result: [String: Any] = [:]
        for (key, child) in dictionary ?? [:] where !child.isEmpty { result[key] = child.resolved }
        return result
    }

    func child(forKey key: String) -> TreeBox {
        if let existing = dictionary?[key] { return existing }
        let child = TreeBox()
        if dictionary == nil { dictionary = [:] }
        dictionary![key] = child
        return child
    }

    func appendChild() -> TreeBox {
        let child = TreeBox()
        if array == nil { array = [] }
        array!.append(child)
        return child
    }

    func makeDictionary() { if dictionary == nil { dictionary = [:] } }
    func makeArray() { if array == nil { array = [] } }
}

private struct TreeEncoder: Encoder {
    let box: TreeBox
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(box: TreeBox = TreeBox(), codingPath: [any CodingKey] = []) {
        self.box = box
        self.codingPath = codingPath
    }

    private var target: TreeBox { box }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        target.makeDictionary()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(box: target, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        target.makeArray()
        return UnkeyedTreeContainer(box: target, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(box: target, codingPath: codingPath)
    }

    /// Encodes a value into a box: scalars directly, everything else through its own `encode(to:)`.
    static func encode(_ value: some Encodable, into box: TreeBox, codingPath: [any CodingKey]) throws {
        switch value {
        case let text as String: box.scalar = text
        case let flag as Bool: box.scalar = flag
        case let number as Int: box.scalar = number
        case let number as Int64: box.scalar = number
        case let number as Double: box.scalar = number
        default: try value.encode(to: TreeEncoder(box: box, codingPath: codingPath))
        }
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: TreeBox
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try TreeEncoder.encode(value, into: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = box.child(forKey: key.stringValue)
        child.makeDictionary()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.child(forKey: key.stringValue)
        child.makeArray()
        return UnkeyedTreeContainer(box: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.child(forKey: "super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath) }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let box: TreeBox
    var codingPath: [any CodingKey]
    var count: Int { box.array?.count ?? 0 }

    /// A nil inside a list stays a hole, so the list keeps its length.
    mutating func encodeNil() throws { _ = box.appendChild() }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try TreeEncoder.encode(value, into: box.appendChild(), codingPath: codingPath)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = box.appendChild()
        child.makeDictionary()
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(box: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = box.appendChild()
        child.makeArray()
        return UnkeyedTreeContainer(box: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box.appendChild(), codingPath: codingPath) }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let box: TreeBox
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.encode(value, into: box, codingPath: codingPath) }
}
