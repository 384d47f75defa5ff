import DeltaStore
import Testing

@Suite("One piece of work at a time per key")
struct SingleFlightTests {
    @Test("waiters share the leader's value, or work alone when it has none to share; another key is another leader")
    func turns() async {
        let flights = SingleFlight<String, Int>()
        guard case .lead = await flights.turn(for: "page") else { Issue.record("the first asker leads"); return }
        guard case .lead = await flights.turn(for: "other") else { Issue.record("another key has its own leader"); return }
        let waiters = (0..<3).map { _ in Task { await flights.turn(for: "page") } }
        for _ in 0..<500 where flights.waiting < 3 { try? await Task.sleep(for: .milliseconds(10)) }
        #expect(flights.waiting == 3)
        flights.finish("page", with: 42)
        for waiter in waiters {
            guard case .shared(let value) = await waiter.value else { Issue.record("a waiter shares the value"); continue }
            #expect(value == 42)
        }
        // A build that cannot be shared (not kept, failed): the waiter works alone.
        let late = Task { await flights.turn(for: "other") }
        for _ in 0..<500 where flights.waiting < 1 { try? await Task.sleep(for: .milliseconds(10)) }
        flights.finish("other", with: nil)
        guard case .alone = await late.value else { Issue.record("nothing to share: alone"); return }
        // Once finished, the next asker leads again.
        guard case .lead = await flights.turn(for: "page") else { Issue.record("a finished key is led again"); return }
        #expect(flights.waiting == 0)
    }
}
