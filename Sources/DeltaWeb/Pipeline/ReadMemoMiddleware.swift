import DeltaImport
import DeltaStore
import Hummingbird
import Synchronization

/// Lets the reads of GET and HEAD requests be remembered per register version (`ReadMemo`):
/// the lookup tables, milestones and rail links every page reads whole. Requests that change
/// something never see the memo, so nothing read inside a transaction is remembered.
///
/// After a request that read something for the first time at a version (a miss), the memory the
/// C allocator holds free is given back (`Heap.releaseFreeMemory`), once at a time, off the
/// request. Why: such a read decodes tens of thousands of rows at a thousand times the demo and
/// frees most of what it decoded; glibc kept that free memory, about 60 MiB of the server's
/// resident memory after the memory script. Misses happen once per version, so the pass over
/// the arenas is rare.
struct ReadMemoMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let memo: ReadMemo
    /// Whether a release is under way (another request's miss does not start a second one).
    private let releasing = Flag()

    private final class Flag: Sendable {
        let value = Atomic<Bool>(false)
    }

    init(memo: ReadMemo) { self.memo = memo }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        let misses = memo.misses.load(ordering: .relaxed)
        let response = try await ReadMemo.$current.withValue(memo) { try await next(request, context) }
        if memo.misses.load(ordering: .relaxed) != misses, releasing.value.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            Task.detached(priority: .background) { [releasing] in
                Heap.releaseFreeMemory()
                releasing.value.store(false, ordering: .releasing)
            }
        }
        return response
    }
}
