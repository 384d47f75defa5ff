import DeltaDomain
import SQLKit

struct GoalRow: Codable, Sendable {
    var id: String, level: String, parentId: String?, title: String, description: String?, sourceJson: String?
    var dossiersJson: String, agreementsJson: String, visibility: String, version: Int, updatedAt: String

    init(_ g: Goal, version: Int) {
        id = g.id; level = g.level.rawValue; parentId = g.parentID; title = g.title; description = g.description
        sourceJson = JSONColumn.encode(g.source); dossiersJson = JSONColumn.encode(g.dossierIDs)
        agreementsJson = JSONColumn.encode(g.agreementIDs); visibility = g.visibility.rawValue; self.version = version
        updatedAt = Timestamp.now()
    }

    func model() throws -> Goal {
        Goal(id: id, level: try storedEnum(Goal.Level.self, level, column: "level"), parentID: parentId, title: title,
             description: description, source: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"),
             dossierIDs: try JSONColumn.decodeList(String.self, dossiersJson, column: "dossiers_json"),
             agreementIDs: try JSONColumn.decodeList(String.self, agreementsJson, column: "agreements_json"),
             visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

struct IndicatorRow: Codable, Sendable {
    var id: String, goalId: String, title: String, unit: String, baselineJson: String?, targetJson: String?
    var valuesJson: String, sourceJson: String?, visibility: String, version: Int, updatedAt: String

    init(_ i: Indicator, version: Int) {
        id = i.id; goalId = i.goalID; title = i.title; unit = i.unit; baselineJson = JSONColumn.encode(i.baseline)
        targetJson = JSONColumn.encode(i.target); valuesJson = JSONColumn.encode(i.values); sourceJson = JSONColumn.encode(i.source)
        visibility = i.visibility.rawValue; self.version = version; updatedAt = Timestamp.now()
    }

    func model() throws -> Indicator {
        Indicator(id: id, goalID: goalId, title: title, unit: unit,
                  baseline: try JSONColumn.decode(Indicator.Reading.self, baselineJson, column: "baseline_json"),
                  target: try JSONColumn.decode(Indicator.Reading.self, targetJson, column: "target_json"),
                  values: try JSONColumn.decodeList(Indicator.Reading.self, valuesJson, column: "values_json"),
                  source: try JSONColumn.decode(PassageReference.self, sourceJson, column: "source_json"),
                  visibility: try storedEnum(Visibility.self, visibility, column: "visibility"))
    }
}

extension Goal: StoredRecord {
    public static var recordKind: RecordKind { .goal }
    public static var table: String { "goals" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.goals(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(GoalRow(self, version: version), to: Self.table)
    }
    public var placement: RecordPlacement { RecordPlacement(kind: .goal, dossierIDs: dossierIDs) }
}

extension Indicator: StoredRecord {
    public static var recordKind: RecordKind { .indicator }
    public static var table: String { "indicators" }
    public static func load(ids: [String], from register: Register) async throws -> [Self] { try await register.indicators(ids: ids) }
    public func addRows(version: Int, to batch: inout RowBatch) {
        batch.add(IndicatorRow(self, version: version), to: Self.table)
    }
    /// No dossiers of its own: `RecordSaver.placement` gives it those of the node it measures.
    public var placement: RecordPlacement { RecordPlacement(kind: .indicator) }
}
