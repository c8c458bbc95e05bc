@testable import HookCheck

/// HookCheck's `Expectation`, named apart from Swift Testing's type of the same name.
typealias SuiteExpectation = Expectation
