/// A rail link's section in one country and its equipment there. Every value is optional:
/// what nobody has recorded stays unknown and is shown so, never guessed.
public struct RailLinkSide: Hashable, Sendable, Codable {
    public var country: Country
    /// The section on this side, as the sources name it ("Hamont–grens").
    public var section: String?
    /// The ERTMS level or state ("level 2", "none").
    public var ertms: String?
    /// The electrification system ("3 kV DC", "25 kV 50 Hz", "none").
    public var electrification: String?
    /// Whether freight trains of 740 m can run.
    public var freight740m: Bool?

    public init(country: Country, section: String? = nil, ertms: String? = nil, electrification: String? = nil, freight740m: Bool? = nil) {
        self.country = country; self.section = section; self.ertms = ertms; self.electrification = electrification
        self.freight740m = freight740m
    }
}
