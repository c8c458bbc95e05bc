import Foundation
import Testing

@testable import HookCheck

/// One row of the array-shape table: an example array, a delivered value, the mismatches expected.
struct ShapeRow: CustomTestStringConvertible, Sendable {
    let example: String
    let value: String
    let mismatches: [String]
    var testDescription: String { "\(example) ~ \(value)" }

    init(_ example: String, _ value: String, _ mismatches: String...) {
        self.example = example
        self.value = value
        self.mismatches = mismatches
    }
}

@Suite("Shapes of example arrays: the union of all elements")
struct ShapeUnionTests {
    static let rows: [ShapeRow] = [
        // Documenso's recipients: the first signed, the second not yet.
        ShapeRow(
            #"{"r": [{"email": "a@x.io", "signedAt": "2024-04-22T10:05:52.611Z"}, {"email": "b@x.io", "signedAt": null}]}"#,
            #"{"r": [{"email": "c@x.io", "signedAt": null}, {"email": "d@x.io", "signedAt": "2024-04-23T08:00:00.000Z"}]}"#
        ),
        ShapeRow(
            #"{"r": [{"signedAt": "2024-04-22T10:05:52.611Z"}, {"signedAt": null}]}"#, #"{"r": [{"signedAt": 5}]}"#,
            "/r/0/signedAt: expected a string or null, found 5"),
        ShapeRow(
            #"{"r": [{"signedAt": "2024-04-22T10:05:52.611Z"}, {"signedAt": null}]}"#, #"{"r": [{}]}"#,
            "/r/0/signedAt: expected a string or null, found nothing"),
        // GitHub labels: description a string in one, null in another.
        ShapeRow(
            #"[{"name": "bug", "description": "Something is broken"}, {"name": "x", "description": null}]"#,
            #"[{"name": "y", "description": null}, {"name": "z", "description": "d"}]"#),
        // A key only some elements have is optional, and keeps its type when present.
        ShapeRow(#"[{"id": 1, "note": "n"}, {"id": 2}]"#, #"[{"id": 3}, {"id": 4, "note": "m"}]"#),
        ShapeRow(
            #"[{"id": 1, "note": "n"}, {"id": 2}]"#, #"[{"id": 3, "note": 7}]"#,
            "/0/note: expected a string, found 7"),
        ShapeRow(
            #"[{"id": 1, "note": "n"}, {"id": 2}]"#, #"[{"note": "n"}]"#, "/0/id: expected a number, found nothing"),
        // Types seen across elements are all allowed.
        ShapeRow(#"[{"v": 1}, {"v": "one"}]"#, #"[{"v": "two"}, {"v": 2}]"#),
        ShapeRow(#"[{"v": 1}, {"v": "one"}]"#, #"[{"v": true}]"#, "/0/v: expected a number or a string, found true"),
        // A nullable object keeps its shape: deep mismatches are named where they are.
        ShapeRow(#"[{"m": {"k": 1}}, {"m": null}]"#, #"[{"m": null}, {"m": {"k": 2}}]"#),
        ShapeRow(#"[{"m": {"k": 1}}, {"m": null}]"#, #"[{"m": {"k": "x"}}]"#, #"/0/m/k: expected a number, found "x""#),
        ShapeRow(#"[{"m": {"k": 1}}, {"m": null}]"#, #"[{"m": "x"}]"#, #"/0/m: expected an object or null, found "x""#),
        // Nested arrays are unions too; the second element's extra key is optional.
        ShapeRow(
            #"[{"tags": [{"a": 1}]}, {"tags": [{"a": 2, "b": "x"}]}]"#, #"[{"tags": [{"a": 3}, {"a": 4, "b": "y"}]}]"#),
        // Only nulls: any value, as for a null member.
        ShapeRow(#"[{"x": null}, {"x": null}]"#, #"[{"x": {"k": 1}}]"#),
        // Empty example arrays admit any array.
        ShapeRow(#"{"a": []}"#, #"{"a": [1, "x"]}"#),
    ]

    @Test(arguments: rows)
    func arrayElementShapeIsTheUnionOfAllElements(row: ShapeRow) {
        let shape = Pattern.shape(of: SuiteFixtures.json(row.example))
        let value = SuiteFixtures.json(row.value)
        #expect(shape.match(value).map(\.description) == row.mismatches)
        #expect(shape.matches(value) == row.mismatches.isEmpty)
    }

    @Test func everyExampleFitsItsOwnShape() {
        for row in Self.rows {
            let example = SuiteFixtures.json(row.example)
            #expect(Pattern.shape(of: example).matches(example), "\(row.example)")
        }
    }

    /// Documenso's and GitHub's own bundled bodies, with recipients and labels that mix values and null,
    /// fit their own shapes (they did not when only the first element counted).
    @Test(arguments: ["documenso", "github"])
    func bundledBodiesFitTheirOwnShapes(suiteName: String) throws {
        let url = URL(fileURLWithPath: SuiteFixtures.repositoryRoot + "/Suites/\(suiteName).json")
        let suite = try Suite.load(from: url)
        for suiteCase in suite.cases {
            #expect(
                suiteCase.shape.match(suiteCase.body).map(\.description) == [], "\(suiteName) · \(suiteCase.name)")
        }
    }
}
