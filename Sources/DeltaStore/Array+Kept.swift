extension Array where Element: Equatable {
    /// The elements as `transform` gives them, without those it gives nil for, in order; this
    /// array itself when every element comes back unchanged.
    ///
    /// Why: the whole kinds remembered for every reader are handed to each reader through its
    /// scope and what the public is shown. At a thousand times the demo a copy of one kind was
    /// megabytes per reader, even when nothing was left out or changed.
    func kept(_ transform: (Element) -> Element?) -> [Element] {
        var result: [Element]?
        for (position, element) in enumerated() {
            let kept = transform(element)
            if result == nil {
                if kept == element { continue }
                result = Array(self[..<position])
                result?.reserveCapacity(count)
            }
            if let kept { result?.append(kept) }
        }
        return result ?? self
    }
}
