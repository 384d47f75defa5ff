/// The kind of a source document.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    case jointDeclaration = "joint-declaration"
    case finalDeclaration = "final-declaration"
    case declarationOfIntent = "declaration-of-intent"
    case statement
    case letterToParliament = "letter-to-parliament"
    case decisionMemo = "decision-memo"
    case treaty
    case minutes
    case other
}
