import DeltaImport
import DeltaStore
import ServiceLifecycle

/// Keeps the server within its memory budget by forgetting remembered reads no request has
/// used for a while (`ReadMemo.forget`), then giving the freed memory back to the system.
///
/// Why: at a thousand times the demo the remembered reads (lookup tables, milestones, what the
/// public is shown, the dossiers' standings) hold about 100 MB. Under load on pages the page
/// cache answers, nothing uses them. Only values unused for a whole `interval` are forgotten, so
/// a register whose pages are read all over keeps what it reads (a read forgotten is read again,
/// seconds at that size), and a server within its budget forgets nothing. Values only read to
/// read another remembered value (ingredients: every milestone with every visibility, say) are
/// forgotten once unused for a `look`: the value made of them is what pages ask for again.
struct ReadMemoSweeper: Service {
    let memo: ReadMemo
    /// The resident memory, in bytes, above which unused reads are forgotten.
    let budget: Int
    /// How long a read a request used for itself must have gone unused to be forgotten, and how
    /// often free memory is given back while the server is over its budget.
    let interval: Duration
    /// How often the memory is looked at, and how long an ingredient must have gone unused.
    var look: Duration = .seconds(1)

    /// Looks every `look` until the server shuts down (then it returns, without an error: a
    /// service that throws would make the whole server exit as failed).
    func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            var released = ContinuousClock.now
            while true {
                try? await Task.sleep(for: look)
                if Task.isCancelled { return }
                let resident = Heap.residentBytes()
                guard let forgot = sweep(resident: resident) else { continue }
                // Giving memory back walks the whole heap: after forgetting, beyond the high mark,
                // or once an interval (the pages of a read that was built and let go, say), not at
                // every look.
                if forgot || resident.map(isBeyondHighMark) == true || .now - released >= interval {
                    Heap.releaseFreeMemory()
                    released = .now
                }
            }
        }
    }

    /// Forgets the unused reads if the server holds more than its budget: whether it forgot any,
    /// nil when the server is within its budget (or its memory is not known). Beyond the budget
    /// by an eighth, every read unused for a `look` goes.
    ///
    /// Why the second mark: under load after a start at a thousand times the demo, each kind of
    /// page read its own values (the overview's milestones, meetings and standings, say) while
    /// another's were still kept for their `interval`: 157 MiB against a budget of 128 while the
    /// overview's were kept, 172 MiB over a run of every page type.
    func sweep(resident: Int?, now: ContinuousClock.Instant = .now) -> Bool? {
        guard let resident, resident > budget else { return nil }
        let unused = isBeyondHighMark(resident) ? look : interval
        return memo.forget(unusedFor: unused, ingredientsUnusedFor: look, now: now) > 0
    }

    /// Whether `resident` bytes are beyond the budget by more than an eighth.
    func isBeyondHighMark(_ resident: Int) -> Bool { resident > budget + budget / 8 }
}
