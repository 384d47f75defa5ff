import DeltaDomain
import DeltaReports
import DeltaImport
import DeltaServices
import DeltaStore
import Foundation

/// The command line's language and texts. The language is `DELTABERAAD_LANG`, else the one of
/// `LC_ALL`, `LC_MESSAGES` or `LANG` (`fr_BE.UTF-8` → French) when it is one we write, else Dutch.
enum CLIText {
    /// The language the command line speaks to people in.
    static let language: Language = {
        let environment = ProcessInfo.processInfo.environment
        for name in ["DELTABERAAD_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let code = value.split(whereSeparator: { $0 == "_" || $0 == "." || $0 == "-" }).first.map(String.init) ?? ""
            if let language = Language(code: code) { return language }
            if name != "DELTABERAAD_LANG" { break }
        }
        return .standard
    }()

    /// Its labels; without readable catalogues the keys show, and a warning says why once.
    static let labels: Labels = {
        do {
            return Labels(try catalogues()[language])
        } catch {
            printError("\(error)")
            return Labels(Catalogue(language: language, entries: [:]))
        }
    }()

    /// The catalogues in the resources folder (`DELTABERAAD_RESOURCES`, or found from here).
    static func catalogues() throws -> Catalogues {
        let folder = ResourceLocator.defaultDirectory() + "/locales"
        do {
            return try Catalogues.load(directory: folder)
        } catch {
            throw CLIError(literal: "cannot read the message catalogues in \(folder): \(error)")
        }
    }
}
