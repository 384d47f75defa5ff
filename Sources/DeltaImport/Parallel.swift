import Foundation

/// Pure work on every item of a list, spread over the machine's cores, results in order.
///
/// Why: an import's checks before writing run before anything else can, so on two cores they
/// were half the machine idle: composing the files, laying out the documents and finding the
/// quoted passages are each independent per item.
enum Parallel {
    /// `transform` of every item, in the items' order. Results need not be Sendable (Yams'
    /// nodes are not): each slot is written once, by one thread, under a lock, and read after
    /// every thread has finished.
    static func map<Item: Sendable, Result>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.all
    }

    private final class Slots<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Value?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }

        var all: [Value] { lock.withLock { values.map { $0! } } }
    }
}
