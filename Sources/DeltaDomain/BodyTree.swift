/// The bodies under a body: its working groups, theirs, and so on. A report or an agenda of a
/// body covers the dossiers of this whole tree (the political consultation sees what its working
/// groups carry).
public enum BodyTree {
    /// The ids of `bodyID` and every body whose chain of parents leads to it.
    public static func ids(under bodyID: String, in bodies: [Body]) -> Set<String> {
        var result: Set<String> = [bodyID]
        var grew = true
        while grew {
            grew = false
            for body in bodies where !result.contains(body.id) {
                if let parent = body.parentID, result.contains(parent) { result.insert(body.id); grew = true }
            }
        }
        return result
    }
}
