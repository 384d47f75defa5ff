import Foundation

/// Finds the `Resources` folder: `DELTABERAAD_RESOURCES`, else the first `Resources` folder with
/// templates found walking up from the working directory or from the executable.
public enum ResourceLocator {
    /// The folder to use when none is configured.
    public static func defaultDirectory() -> String {
        if let configured = ProcessInfo.processInfo.environment["DELTABERAAD_RESOURCES"] { return configured }
        let starts = [FileManager.default.currentDirectoryPath,
                      URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent().path]
        for start in starts {
            var folder = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent("Resources")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("templates").path) {
                    return candidate.path
                }
                folder.deleteLastPathComponent()
            }
        }
        return "Resources"
    }
}
