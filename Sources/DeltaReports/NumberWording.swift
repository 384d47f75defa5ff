/// How numbers are written in a language: nl "1.234,5", fr "1 234,5" (narrow no-break space),
/// en "1,234.5". A formatting rule, not a text: it lives here and not in the catalogues.
public struct NumberWording: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    /// The separator between groups of three digits.
    public var groupSeparator: String {
        switch language {
        case .nl: "."
        case .fr: "\u{202F}"
        case .en: ","
        }
    }

    /// The decimal separator.
    public var decimalSeparator: String { language == .en ? "." : "," }

    /// A whole number with grouped digits: "12.500", "12 500", "12,500".
    public func integer(_ value: some BinaryInteger) -> String {
        let negative = value < 0
        let digits = Array(String(negative ? -Int64(value) : Int64(value)))
        var result = negative ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += groupSeparator }
            result.append(digit)
        }
        return result
    }

    /// A number with at most `fractionDigits` decimals, trailing zeros dropped: "1.234,5".
    public func decimal(_ value: Double, fractionDigits: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        var fraction = Int64(scaled) - whole * Int64(scale)
        var digits = fractionDigits
        while digits > 0, fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var text = (value < 0 && scaled > 0 ? "-" : "") + integer(whole)
        if digits > 0 {
            var fractionText = String(fraction)
            while fractionText.count < digits { fractionText = "0" + fractionText }
            text += decimalSeparator + fractionText
        }
        return text
    }
}
