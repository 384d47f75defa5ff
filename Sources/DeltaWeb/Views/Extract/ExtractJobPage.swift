/// The status page of an upload still being read (`/extract/jobs/{id}`): which step runs, and the
/// steps done. It asks the browser to load it again every two seconds (the `Refresh` header), or
/// not, when the reader chose to check by hand.
struct ExtractJobPage: Codable, Sendable {
    struct Step: Codable, Sendable {
        let label: String
        let state: String
        let running: Bool
    }

    let title: String
    let fileName: String
    let steps: [Step]
    let seconds: Int
    let refreshing: Bool
    let url: String
}
