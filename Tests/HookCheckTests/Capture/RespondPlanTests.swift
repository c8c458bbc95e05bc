import Testing

@testable import HookCheck

@Test func respondPlanFailsThenSucceedsPerAttempt() throws {
    let plan = try RespondPlan(parsing: "500x2,200")
    #expect((1...5).map(plan.status(forAttempt:)) == [500, 500, 200, 200, 200])
    #expect(plan.failingAttempts == 2)
    #expect(plan.failsAtFirst)
    #expect(plan.description == "500x2,200")
}

@Test func respondPlanOfOneStatusAnswersEveryAttempt() throws {
    let gone = try RespondPlan(parsing: "410")
    #expect((1...3).map(gone.status(forAttempt:)) == [410, 410, 410])
    #expect(gone.failingAttempts == nil)
    #expect(RespondPlan.alwaysOK.failingAttempts == 0)
    #expect(!RespondPlan.alwaysOK.failsAtFirst)
}

@Test func respondPlanWithSeveralFailingSteps() throws {
    let plan = try RespondPlan(parsing: "503, 500x2 ,204")
    #expect((1...5).map(plan.status(forAttempt:)) == [503, 500, 500, 204, 204])
    #expect(plan.failingAttempts == 3)
}

@Test(arguments: ["", "abc", "200,", "99", "600", "500x0", "500x", "x2", "500x2x3", "500xabc", "500x1001"])
func respondPlanRejectsMalformedText(_ text: String) {
    #expect(throws: RespondPlanError.self) { try RespondPlan(parsing: text) }
}
