import DeltaDomain
import DeltaImport
import Foundation
import Synchronization

/// Uploads being read and extracted in the background, so that one which takes longer than a
/// second shows its progress on a status page (`/extract/jobs/{id}`) instead of holding the
/// request. In memory: a job belongs to the account that started it, is fetched once, and is
/// dropped after fifteen minutes; at most `maximumRunning` run at once.
final class ExtractionJobs: Sendable {
    /// What a finished job left: the text and its extraction, or why the file could not be read.
    enum Outcome: Sendable {
        case done(text: String, run: ExtractionRun)
        case failed(key: String, arguments: [String: String])
    }

    struct Job: Sendable {
        let owner: String
        let fileName: String
        let documentDate: CalendarDate?
        let started: Date
        var step: Extractor.Step?
        var outcome: Outcome?
    }

    static let maximumRunning = 4
    static let keptFor: TimeInterval = 15 * 60

    private let jobs = Mutex<[String: Job]>([:])

    /// Registers a job; nil when `maximumRunning` are running already.
    func start(owner: String, fileName: String, documentDate: CalendarDate?, now: Date = Date()) -> String? {
        jobs.withLock { jobs in
            jobs = jobs.filter { now.timeIntervalSince($0.value.started) < Self.keptFor }
            guard jobs.values.filter({ $0.outcome == nil }).count < Self.maximumRunning else { return nil }
            let id = (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 36) }.joined()
            jobs[id] = Job(owner: owner, fileName: fileName, documentDate: documentDate, started: now)
            return id
        }
    }

    func report(_ id: String, step: Extractor.Step) { jobs.withLock { $0[id]?.step = step } }

    func finish(_ id: String, _ outcome: Outcome) { jobs.withLock { $0[id]?.outcome = outcome } }

    /// The job, if `owner` started it.
    func job(_ id: String, owner: String) -> Job? {
        jobs.withLock { jobs in jobs[id].flatMap { $0.owner == owner ? $0 : nil } }
    }

    /// The finished job, removed (its review is shown once; the review form carries the text on).
    func take(_ id: String, owner: String) -> Job? {
        jobs.withLock { jobs in
            guard let job = jobs[id], job.owner == owner, job.outcome != nil else { return nil }
            jobs[id] = nil
            return job
        }
    }
}
