import DeltaDomain
import SQLKit
import ServiceLifecycle

/// Which database product a connection talks to; queries branch on it only where SQL differs.
public enum EngineKind: String, Sendable {
    case sqlite, postgres
}
