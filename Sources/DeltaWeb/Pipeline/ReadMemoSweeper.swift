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
/// seconds at that size), and a server within its budget forgets nothing.
struct ReadMemoSweeper: Service {
    let memo: ReadMemo
    /// The resident memory, in bytes, above which unused reads are forgotten.
    let budget: Int
    /// How often the memory is looked at, and how long a read must have gone unused.
    let interval: Duration

    /// Looks every `interval` until the server shuts down (then it returns, without an error:
    /// a service that throws would make the whole server exit as failed).
    func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            while true {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { return }
                sweep()
            }
        }
    }

    /// Forgets the unused reads if the server holds more than its budget, and gives the free
    /// memory back even when none was unused (the pages of a read that was built and let go, say);
    /// whether it forgot any.
    @discardableResult
    func sweep(resident: Int? = Heap.residentBytes()) -> Bool {
        guard let resident, resident > budget else { return false }
        let forgot = memo.forget(unusedFor: interval) > 0
        Heap.releaseFreeMemory()
        return forgot
    }
}
