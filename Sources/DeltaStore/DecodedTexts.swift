import DeltaDomain
import Synchronization

/// Values decoded from short JSON column texts, by type and text, so that a text read again
/// (a date, a cadence, a due period) is not decoded again (`JSONColumn.decode`).
///
/// Why: at a thousand times the demo, `JSONDecoder` took a third of reading the lookup tables on
/// the first page after a start, for 17 000 document dates of which 3 000 differ and 14 000
/// bodies' cadences of which 2 differ. Decoding is a function of the text alone, so a value
/// kept here is never stale. Only values of the types whose texts repeat are kept
/// (`RepeatedJSONValue`: periods and cadences, not passages, which differ for every record), of
/// texts of at most `longest` bytes, at most `capacity` per type; once a type's table is full,
/// its further texts are decoded every time.
final class DecodedTexts: Sendable {
    /// The one table of the process.
    static let shared = DecodedTexts()
    /// The longest text kept, in UTF-8 bytes.
    static let longest = 128
    /// Texts kept per type.
    let capacity: Int

    private let values = Mutex<[ObjectIdentifier: [String: any Sendable]]>([:])

    /// An empty table keeping at most `capacity` texts per type.
    init(capacity: Int = 4096) { self.capacity = capacity }

    /// The value decoded earlier from `text` as a `T`, if kept.
    func value<T: Sendable>(_ type: T.Type, for text: String) -> T? {
        values.withLock { $0[ObjectIdentifier(type)]?[text] } as? T
    }

    /// Keeps `value` as what `text` decodes to, while its type's table has room.
    func keep<T: Sendable>(_ value: T, for text: String) {
        values.withLock { tables in
            let type = ObjectIdentifier(T.self)
            guard tables[type, default: [:]].count < capacity else { return }
            tables[type, default: [:]][text] = value
        }
    }
}

/// A value whose JSON texts repeat across records (a date, a cadence), so that `JSONColumn.decode`
/// keeps it in `DecodedTexts`.
protocol RepeatedJSONValue {}

extension FuzzyPeriod: RepeatedJSONValue {}
extension CadenceRule: RepeatedJSONValue {}
