import DeltaDomain
import Testing

@Suite("Obstacle status rules")
struct ObstacleStatusTests {
    @Test("the allowed steps: reported → analysed → in progress → solved, closing and reopening")
    func allowedSteps() {
        let allowed: [(ObstacleStatus, ObstacleStatus)] = [
            (.reported, .analysed), (.reported, .outsideRemit), (.analysed, .inProgress), (.analysed, .notSolvable),
            (.analysed, .outsideRemit), (.inProgress, .solved), (.inProgress, .notSolvable), (.inProgress, .analysed),
            (.solved, .analysed), (.notSolvable, .analysed), (.outsideRemit, .analysed),
        ]
        for (from, to) in allowed {
            #expect(ObstacleStatusRules.check(from: from, to: to, reason: "analysed by the Schakelpunt") == nil, "\(from) → \(to)")
        }
    }

    @Test("every other step is refused, naming both statuses")
    func refusedSteps() {
        var refused = 0
        for from in ObstacleStatus.allCases {
            for to in ObstacleStatus.allCases where to != from && !ObstacleStatusRules.next(after: from).contains(to) {
                #expect(ObstacleStatusRules.check(from: from, to: to, reason: "a reason") == .notAllowed(from: from, to: to))
                refused += 1
            }
        }
        // Skipping analysis (reported → solved, in progress) and leaving a closed state other than by reopening.
        #expect(ObstacleStatusRules.check(from: .reported, to: .solved, reason: "done") == .notAllowed(from: .reported, to: .solved))
        #expect(ObstacleStatusRules.check(from: .solved, to: .inProgress, reason: "again") == .notAllowed(from: .solved, to: .inProgress))
        #expect(refused == 19)
    }

    @Test("a change of status needs a reason; keeping it or starting a record does not")
    func reasons() {
        #expect(ObstacleStatusRules.check(from: .reported, to: .analysed, reason: nil) == .reasonRequired)
        #expect(ObstacleStatusRules.check(from: .reported, to: .analysed, reason: "  \n ") == .reasonRequired)
        #expect(ObstacleStatusRules.check(from: .analysed, to: .analysed, reason: nil) == nil)
        #expect(ObstacleStatusRules.check(from: nil, to: .inProgress, reason: nil) == nil)
    }

    @Test("a report nobody analysed is not published; every later status may be")
    func publication() {
        #expect(ObstacleStatusRules.checkPublication(.public, status: .reported) == .publishedBeforeAnalysis)
        #expect(ObstacleStatusRules.checkPublication(.internal, status: .reported) == nil)
        for status in ObstacleStatus.allCases where status != .reported {
            #expect(ObstacleStatusRules.checkPublication(.public, status: status) == nil)
        }
    }

    @Test("choices offer keeping the status first, then the allowed next ones")
    func choices() {
        #expect(ObstacleStatusRules.choices(from: .reported) == [.reported, .analysed, .outsideRemit])
        #expect(ObstacleStatusRules.choices(from: .solved) == [.solved, .analysed])
    }
}
