import Synchronization

/// The register version (the audit log's head) as an engine knows it without asking the database,
/// while the database tells it of every change.
///
/// Why: a page kept per version (`PageCacheMiddleware`) still asked PostgreSQL for the version on
/// every request, one round trip through the pool, and anonymous pages reached only 0.13–0.23 of
/// the bare route. PostgreSQL notifies every listener after a change to the audit log commits
/// (migration 9); this process forgets the version it knew then, and at once after its own
/// transactions, so its own change is seen by its very next request.
///
/// The version is remembered only while listening, and for at most `lifetime`: a lost listening
/// connection forgets it, and one that is silently dead (a half-open connection, a pooler that
/// drops notices) cannot keep it longer than that. So another instance's change is seen as soon as
/// its notice arrives, and in any case within `lifetime`. A version read while a change was being
/// announced is not remembered (`generation`).
package final class VersionNotices: Sendable {
    private struct State {
        var listening = false
        var generation = 0
        var known: (version: Int, at: ContinuousClock.Instant)?
    }

    private let state = Mutex(State())
    /// How long a remembered version is trusted without asking again.
    let lifetime: Duration

    package init(lifetime: Duration = .seconds(2)) { self.lifetime = lifetime }

    /// The version, if known for sure.
    package var known: Int? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard state.listening, let known = state.known, now - known.at < lifetime else { return nil }
            return known.version
        }
    }

    /// Counts announcements: a version read under one generation is only remembered under it.
    package var generation: Int { state.withLock { $0.generation } }

    /// Remembers `version`, read when the generation was `generation`, unless a change was announced since.
    package func remember(_ version: Int, readAt generation: Int) {
        state.withLock { state in
            if state.listening, state.generation == generation { state.known = (version, .now) }
        }
    }

    /// A change was announced, or made by this process: the version is no longer known.
    package func changed() {
        state.withLock { state in
            state.generation += 1
            state.known = nil
        }
    }

    /// Listening began or ended; either way what was known before is forgotten.
    package func listening(_ listening: Bool) {
        state.withLock { state in
            state.listening = listening
            state.generation += 1
            state.known = nil
        }
    }
}
