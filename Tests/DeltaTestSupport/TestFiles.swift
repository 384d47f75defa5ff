import Foundation

/// Data files written for one test.
public enum TestFiles {
    /// Writes each text to `file0.yaml`, `file1.yaml`, … in a new temporary folder and returns their paths.
    public static func yaml(_ texts: [String]) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltaberaad-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try texts.enumerated().map { index, text in
            let file = folder.appendingPathComponent("file\(index).yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
    }
}
