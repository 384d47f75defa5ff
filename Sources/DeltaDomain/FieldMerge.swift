/// The three-way merge of a form saved over a newer version: a field only the other person
/// changed takes their value, a field only you changed keeps yours, a field both changed keeps
/// yours and is marked so that you choose. Pure: the reasons are values, worded elsewhere.
public enum FieldMerge {
    /// How one field was settled.
    public enum Resolution: String, Sendable, Hashable, CaseIterable {
        /// Your value and the stored one are the same.
        case same
        /// You did not touch it; the newer stored value is taken.
        case takenFromCurrent
        /// Only you changed it; your value stays.
        case yoursKept
        /// Both changed it differently; your value stays until you choose.
        case bothChanged
    }

    /// One field's outcome.
    public struct Field: Sendable, Hashable {
        public let name: String
        public let yours: String
        public let theirs: String
        public let merged: String
        public let resolution: Resolution
    }

    /// Merges field by field. `base` holds the values of the version the form was loaded from
    /// (nil for a field the form did not carry: then any difference counts as both changed).
    public static func merge(names: [String], yours: [String: String], base: [String: String], theirs: [String: String]) -> [Field] {
        names.map { name in
            let mine = yours[name] ?? "", stored = theirs[name] ?? ""
            let original = base[name]
            let youChanged = original.map { $0 != mine } ?? true
            let theyChanged = original.map { $0 != stored } ?? (mine != stored)
            let resolution: Resolution
            let merged: String
            if mine == stored {
                (resolution, merged) = (.same, mine)
            } else if !youChanged {
                (resolution, merged) = (.takenFromCurrent, stored)
            } else if !theyChanged {
                (resolution, merged) = (.yoursKept, mine)
            } else {
                (resolution, merged) = (.bothChanged, mine)
            }
            return Field(name: name, yours: mine, theirs: stored, merged: merged, resolution: resolution)
        }
    }
}
