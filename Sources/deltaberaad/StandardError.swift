import ArgumentParser
import DeltaImport
import DeltaReports
import DeltaStore

/// Standard error as a text stream.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.standardError(string)
    }
}
