import DeltaStore
import Hummingbird

/// Lets the reads of GET and HEAD requests be remembered per register version (`ReadMemo`):
/// the lookup tables, milestones and rail links every page reads whole. Requests that change
/// something never see the memo, so nothing read inside a transaction is remembered.
struct ReadMemoMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let memo: ReadMemo

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        return try await ReadMemo.$current.withValue(memo) { try await next(request, context) }
    }
}
