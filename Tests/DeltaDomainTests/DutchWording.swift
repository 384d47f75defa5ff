import DeltaDomain
import DeltaReports
import DeltaTestSupport

// The domain's reasons are values; these tests read them as the Dutch catalogue words them,
// the sentences officials see (the wording itself lives in Resources/locales/nl/reasons.yaml).

extension HealthAssessment {
    /// The reasons in Dutch.
    var dutchReasons: [String] { reasons.map(TestCatalogues.labels(.nl).healthReason) }
}

extension YearCompliance {
    /// The explanation in Dutch.
    var dutchExplanation: String { TestCatalogues.labels(.nl).cadenceExplanation(explanation) }
}

/// A meeting rule in Dutch.
func dutchRule(_ rule: CadenceRule) -> String { TestCatalogues.labels(.nl).cadenceRule(CadenceRules.ruleValue(rule)) }
