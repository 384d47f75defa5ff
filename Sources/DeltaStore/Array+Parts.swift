extension Array {
    /// The array cut into consecutive parts of `size` elements (the last one shorter when the size
    /// does not divide the count), in order: for work done a part at a time.
    package func parts(of size: Int) -> [ArraySlice<Element>] {
        let size = Swift.max(size, 1)
        return stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
