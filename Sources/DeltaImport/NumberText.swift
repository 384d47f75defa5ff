/// Numbers as data files write them: no exponent, no trailing ".0" for whole numbers.
enum NumberText {
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
