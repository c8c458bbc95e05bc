import Foundation
import Testing

@testable import HookCheck

@Suite("GitHubAnnotations")
struct GitHubAnnotationsTests {
    @Test func fixtureMatchesSnapshot() {
        let lines = GitHubAnnotations.render(ReportFixture.run, redactor: ReportFixture.redactor)
        expectSnapshot(lines.joined(separator: "\n") + "\n", named: "fixture-annotations.txt")
    }

    @Test func oneErrorLinePerFailedResultWithFileAndLine() {
        let lines = GitHubAnnotations.render(ReportFixture.run, redactor: ReportFixture.redactor)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") })
        #expect(
            lines[0]
                == "::error file=Suites/stripe.json,line=12,title=Stripe receiver%3A payment succeeded · bad-signature::"
                + "expected a 4xx rejection, found 200 OK%0Aexpected: status 4xx%0Afound: status 200")
        #expect(lines[2].hasPrefix("::error title=Documenso receiver%3A document signed · valid::connection refused"))
        #expect(!lines.joined().contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func atMostTenThenACountOfTheRest() {
        var run = ReportFixture.run
        let failing = run.suites[0].results[1]
        run.suites[0].results = (1...13).map { index in
            var result = failing
            result.caseName = "case \(index)"
            return result
        }
        let lines = GitHubAnnotations.render(run)
        #expect(lines.count == 11)
        #expect(lines.prefix(10).allSatisfy { $0.hasPrefix("::error ") })
        #expect(
            lines[10]
                == "hookcheck: 4 more failed results were not annotated (GitHub shows 10 per step); see the reports")
    }

    @Test func passingRunHasNoAnnotations() {
        var run = ReportFixture.run
        run.suites = [run.suites[1]]
        run.suites[0].results.removeFirst()
        #expect(GitHubAnnotations.render(run).isEmpty)
    }

    @Test(arguments: [
        ("100% done", "100%25 done", "100%25 done"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%3A", "%253A", "%253A"),
    ])
    func escaping(input: String, data: String, property: String) {
        #expect(GitHubAnnotations.escapeData(input) == data)
        #expect(GitHubAnnotations.escapeProperty(input) == property)
    }
}
