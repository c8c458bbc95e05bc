/// Runs a ``SchemaProgram`` over one instance, collecting failures with both pointers.
struct SchemaEvaluator {
    /// What in-place applicators found evaluated, for `unevaluatedProperties` and `unevaluatedItems`.
    struct Annotations {
        var properties: Set<String> = []
        /// Items before this index were evaluated (by `prefixItems`/`items`).
        var itemPrefix = 0
        var allItems = false
        /// Items `contains` matched.
        var items: Set<Int> = []

        mutating func merge(_ other: Annotations) {
            properties.formUnion(other.properties)
            itemPrefix = Swift.max(itemPrefix, other.itemPrefix)
            allItems = allItems || other.allItems
            items.formUnion(other.items)
        }
    }

    /// Deeper `$ref` chains than this without consuming the instance are reported, not followed.
    static let depthLimit = 256

    let program: SchemaProgram
    private(set) var failures: [SchemaFailure] = []
    private var instancePath: [String] = []
    private var keywordPath: [String] = []
    private var scope: [String] = []
    private var depth = 0

    init(program: SchemaProgram) {
        self.program = program
    }

    // MARK: - Recording

    private mutating func fail(_ node: SchemaNode, _ keyword: String, expected: String, found: String) {
        let escaped = keyword.replacingEvery("~", with: "~0").replacingEvery("/", with: "~1")
        failures.append(
            SchemaFailure(
                instanceLocation: JSONPointer(tokens: instancePath),
                keywordLocation: JSONPointer(tokens: keywordPath + [keyword]),
                absoluteKeywordLocation: node.location + "/" + escaped, expected: expected, found: found))
    }

    /// Evaluates `index` with failures kept only when `keep` (speculative branches discard theirs).
    private mutating func attempt(
        _ index: Int, _ instance: JSONValue, _ annotations: inout Annotations, keep: Bool
    ) -> Bool {
        let mark = failures.count
        let valid = evaluate(index, instance, &annotations)
        if !keep { failures.removeSubrange(mark...) }
        return valid
    }

    // MARK: - Evaluation

    /// Whether `instance` is valid against node `index`; in-place annotations merge into `annotations`.
    mutating func evaluate(_ index: Int, _ instance: JSONValue, _ annotations: inout Annotations) -> Bool {
        let node = program.nodes[index]
        if let constant = node.constant {
            if !constant { fail(node, "", expected: "nothing (the schema is false)", found: Self.describe(instance)) }
            return constant
        }
        guard depth < Self.depthLimit else {
            fail(node, "$ref", expected: "a $ref chain that ends", found: "\(Self.depthLimit) nested references")
            return false
        }
        depth += 1
        let entersResource = node.resource != nil && node.resource != scope.last
        if entersResource, let resource = node.resource { scope.append(resource) }
        defer {
            depth -= 1
            if entersResource { scope.removeLast() }
        }
        var local = Annotations()
        var valid = true
        for keyword in node.keywords {
            if !apply(keyword, node, instance, &local) { valid = false }
        }
        if valid { annotations.merge(local) }
        return valid
    }

    /// Evaluates a subschema in place, at `keyword` (+ `extra` tokens) in the keyword path.
    private mutating func inPlace(
        _ index: Int, _ instance: JSONValue, _ annotations: inout Annotations, at tokens: [String], keep: Bool = true
    ) -> Bool {
        keywordPath.append(contentsOf: tokens)
        defer { keywordPath.removeLast(tokens.count) }
        var local = Annotations()
        let valid = attempt(index, instance, &local, keep: keep)
        if valid { annotations.merge(local) }
        return valid
    }

    /// Evaluates a subschema on a child of the instance.
    private mutating func descend(_ index: Int, _ child: JSONValue, instanceToken: String, at tokens: [String])
        -> Bool
    {
        instancePath.append(instanceToken)
        keywordPath.append(contentsOf: tokens)
        defer {
            instancePath.removeLast()
            keywordPath.removeLast(tokens.count)
        }
        var ignored = Annotations()
        return evaluate(index, child, &ignored)
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func apply(
        _ keyword: SchemaKeyword, _ node: SchemaNode, _ instance: JSONValue, _ annotations: inout Annotations
    ) -> Bool {
        let name = keyword.name
        switch keyword.rule {
        case .type(let names):
            guard names.contains(where: { Self.hasType(instance, $0) }) else {
                let expected = names.map(MessageWording.articled).joined(separator: " or ")
                fail(node, name, expected: expected, found: Self.describe(instance))
                return false
            }
        case .enumeration(let values):
            guard values.contains(where: { $0.isSchemaEqual(to: instance) }) else {
                let expected =
                    "one of " + values.map { MessageWording.compactText(of: $0, limit: 40) }.joined(separator: ", ")
                fail(node, name, expected: expected, found: Self.describe(instance))
                return false
            }
        case .constant(let value):
            guard value.isSchemaEqual(to: instance) else {
                fail(node, name, expected: MessageWording.compactText(of: value), found: Self.describe(instance))
                return false
            }
        case .properties(let nodes):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object {
                guard let child = nodes[member.key] else { continue }
                if program.collectsAnnotations { annotations.properties.insert(member.key) }
                if !descend(child, member.value, instanceToken: member.key, at: [name, member.key]) { valid = false }
            }
            return valid
        case .patternProperties(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object {
                for (pattern, child) in entries where pattern.hasMatch(in: member.key) {
                    if program.collectsAnnotations { annotations.properties.insert(member.key) }
                    if !descend(child, member.value, instanceToken: member.key, at: [name, pattern.source]) {
                        valid = false
                    }
                }
            }
            return valid
        case .additionalProperties(let child, let named, let patterns):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object where !named.contains(member.key) {
                if patterns.contains(where: { $0.hasMatch(in: member.key) }) { continue }
                if program.collectsAnnotations { annotations.properties.insert(member.key) }
                if program.nodes[child].constant == false {
                    instancePath.append(member.key)
                    fail(node, name, expected: "no member \(MessageWording.quoted(member.key))", found: "one")
                    instancePath.removeLast()
                    valid = false
                } else if !descend(child, member.value, instanceToken: member.key, at: [name]) {
                    valid = false
                }
            }
            return valid
        case .propertyNames(let child):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object
            where !descend(child, .string(member.key), instanceToken: member.key, at: [name]) {
                valid = false
            }
            return valid
        case .required(let names):
            guard case .object(let object) = instance else { return true }
            let missing = names.filter { object[$0] == nil }
            guard missing.isEmpty else {
                let list = missing.map { MessageWording.quoted($0) }.joined(separator: ", ")
                fail(node, name, expected: "member \(list)", found: "an object without it")
                return false
            }
        case .dependentRequired(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (trigger, names) in entries where object[trigger] != nil {
                let missing = names.filter { object[$0] == nil }
                if !missing.isEmpty {
                    let list = missing.map { MessageWording.quoted($0) }.joined(separator: ", ")
                    fail(node, name, expected: "member \(list) beside \(MessageWording.quoted(trigger))", found: "none")
                    valid = false
                }
            }
            return valid
        case .dependentSchemas(let entries):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for (trigger, child) in entries where object[trigger] != nil {
                if !inPlace(child, instance, &annotations, at: [name, trigger]) { valid = false }
            }
            return valid
        case .minProperties(let limit):
            if case .object(let object) = instance, object.count < limit {
                fail(
                    node, name, expected: "at least \(MessageWording.countText(limit, "member"))",
                    found: "\(object.count)")
                return false
            }
        case .maxProperties(let limit):
            if case .object(let object) = instance, object.count > limit {
                fail(
                    node, name, expected: "at most \(MessageWording.countText(limit, "member"))",
                    found: "\(object.count)")
                return false
            }
        case .prefixItems(let nodes):
            guard case .array(let elements) = instance else { return true }
            var valid = true
            for (offset, element) in elements.prefix(nodes.count).enumerated()
            where !descend(nodes[offset], element, instanceToken: String(offset), at: [name, String(offset)]) {
                valid = false
            }
            if program.collectsAnnotations { annotations.itemPrefix = Swift.max(annotations.itemPrefix, nodes.count) }
            return valid
        case .items(let child, let from):
            guard case .array(let elements) = instance else { return true }
            var valid = true
            if from < elements.count {
                for offset in from..<elements.count {
                    if program.nodes[child].constant == false {
                        instancePath.append(String(offset))
                        fail(
                            node, name, expected: "at most \(MessageWording.countText(from, "item"))", found: "an item")
                        instancePath.removeLast()
                        valid = false
                        break
                    }
                    if !descend(child, elements[offset], instanceToken: String(offset), at: [name]) { valid = false }
                }
            }
            if program.collectsAnnotations { annotations.allItems = true }
            return valid
        case .contains(let child, let minimum, let maximum):
            guard case .array(let elements) = instance else { return true }
            var matched = 0
            instancePath.append("")
            keywordPath.append(name)
            for (offset, element) in elements.enumerated() {
                instancePath[instancePath.count - 1] = String(offset)
                var ignored = Annotations()
                if attempt(child, element, &ignored, keep: false) {
                    matched += 1
                    if program.collectsAnnotations { annotations.items.insert(offset) }
                }
            }
            instancePath.removeLast()
            keywordPath.removeLast()
            if matched < minimum {
                fail(
                    node, name, expected: "at least \(MessageWording.countText(minimum, "matching item"))",
                    found: "\(matched)")
                return false
            }
            if let maximum, matched > maximum {
                fail(
                    node, "maxContains", expected: "at most \(MessageWording.countText(maximum, "matching item"))",
                    found: "\(matched)")
                return false
            }
        case .uniqueItems:
            guard case .array(let elements) = instance else { return true }
            for first in elements.indices {
                for second in elements.indices
                where second > first && elements[first].isSchemaEqual(to: elements[second]) {
                    fail(node, name, expected: "unique items", found: "items \(first) and \(second) equal")
                    return false
                }
            }
        case .minItems(let limit):
            if case .array(let elements) = instance, elements.count < limit {
                fail(
                    node, name, expected: "at least \(MessageWording.countText(limit, "item"))",
                    found: "\(elements.count)")
                return false
            }
        case .maxItems(let limit):
            if case .array(let elements) = instance, elements.count > limit {
                fail(
                    node, name, expected: "at most \(MessageWording.countText(limit, "item"))",
                    found: "\(elements.count)")
                return false
            }
        case .minimum(let bound, let exclusive):
            guard let value = instance.numberText.flatMap(DecimalNumber.init) else { return true }
            if exclusive ? !(bound < value) : value < bound {
                fail(
                    node, name, expected: "a number \(exclusive ? ">" : "≥") \(bound)", found: instance.numberText ?? ""
                )
                return false
            }
        case .maximum(let bound, let exclusive):
            guard let value = instance.numberText.flatMap(DecimalNumber.init) else { return true }
            if exclusive ? !(value < bound) : bound < value {
                fail(
                    node, name, expected: "a number \(exclusive ? "<" : "≤") \(bound)", found: instance.numberText ?? ""
                )
                return false
            }
        case .multipleOf(let divisor):
            guard let value = instance.numberText.flatMap(DecimalNumber.init) else { return true }
            if !value.isMultiple(of: divisor) {
                fail(node, name, expected: "a multiple of \(divisor)", found: instance.numberText ?? "")
                return false
            }
        case .minLength(let limit):
            if case .string(let text) = instance, text.unicodeScalars.count < limit {
                fail(
                    node, name, expected: "at least \(MessageWording.countText(limit, "character"))",
                    found: "\(text.unicodeScalars.count)")
                return false
            }
        case .maxLength(let limit):
            if case .string(let text) = instance, text.unicodeScalars.count > limit {
                fail(
                    node, name, expected: "at most \(MessageWording.countText(limit, "character"))",
                    found: "\(text.unicodeScalars.count)")
                return false
            }
        case .pattern(let expression):
            if case .string(let text) = instance, !expression.hasMatch(in: text) {
                fail(node, name, expected: "a string matching \(expression)", found: Self.describe(instance))
                return false
            }
        case .format(let format):
            if case .string(let text) = instance, SchemaFormat.conforms(text, to: format) == false {
                fail(node, name, expected: "a \(format) string", found: Self.describe(instance))
                return false
            }
        case .allOf(let nodes):
            var valid = true
            for (offset, child) in nodes.enumerated()
            where !inPlace(child, instance, &annotations, at: [name, String(offset)]) {
                valid = false
            }
            return valid
        case .anyOf(let nodes):
            var matched = false
            for (offset, child) in nodes.enumerated()
            where inPlace(child, instance, &annotations, at: [name, String(offset)], keep: false) {
                matched = true
                if !program.collectsAnnotations { break }
            }
            if !matched {
                return reportBranches(nodes, node, name, instance, expected: "a match for one of its subschemas")
            }
        case .oneOf(let nodes):
            var matches: [Int] = []
            var local = Annotations()
            for (offset, child) in nodes.enumerated()
            where inPlace(child, instance, &local, at: [name, String(offset)], keep: false) {
                matches.append(offset)
            }
            if matches.isEmpty {
                return reportBranches(
                    nodes, node, name, instance, expected: "a match for exactly one of its subschemas")
            }
            if matches.count > 1 {
                fail(
                    node, name, expected: "a match for exactly one subschema",
                    found: "matches for subschemas " + matches.map(String.init).joined(separator: " and "))
                return false
            }
            annotations.merge(local)
        case .not(let child):
            var ignored = Annotations()
            if inPlace(child, instance, &ignored, at: [name], keep: false) {
                fail(
                    node, name, expected: "no match for the subschema",
                    found: Self.describe(instance) + ", which matches")
                return false
            }
        case .conditional(let condition, let then, let otherwise):
            if inPlace(condition, instance, &annotations, at: [name], keep: false) {
                if let then { return inPlace(then, instance, &annotations, at: ["then"]) }
            } else if let otherwise {
                return inPlace(otherwise, instance, &annotations, at: ["else"])
            }
        case .ref(let child):
            return inPlace(child, instance, &annotations, at: [name])
        case .dynamicRef(let child, let anchor):
            var target = child
            if let anchor {
                for resource in scope {
                    if let found = program.dynamicAnchors[resource]?[anchor] {
                        target = found
                        break
                    }
                }
            }
            return inPlace(target, instance, &annotations, at: [name])
        case .unevaluatedProperties(let child):
            guard case .object(let object) = instance else { return true }
            var valid = true
            for member in object where !annotations.properties.contains(member.key) {
                if program.nodes[child].constant == false {
                    instancePath.append(member.key)
                    fail(
                        node, name, expected: "no unevaluated member \(MessageWording.quoted(member.key))", found: "one"
                    )
                    instancePath.removeLast()
                    valid = false
                } else if !descend(child, member.value, instanceToken: member.key, at: [name]) {
                    valid = false
                }
                annotations.properties.insert(member.key)
            }
            return valid
        case .unevaluatedItems(let child):
            guard case .array(let elements) = instance, !annotations.allItems else { return true }
            var valid = true
            for offset in elements.indices where offset >= annotations.itemPrefix && !annotations.items.contains(offset)
            {
                if !descend(child, elements[offset], instanceToken: String(offset), at: [name]) { valid = false }
            }
            annotations.allItems = true
            return valid
        }
        return true
    }

    /// Reports an `anyOf`/`oneOf` with no matching branch. When exactly one branch fits the instance's
    /// type, its own failures are kept (they say more); otherwise one failure names the keyword.
    private mutating func reportBranches(
        _ nodes: [Int], _ node: SchemaNode, _ name: String, _ instance: JSONValue, expected: String
    ) -> Bool {
        let plausible = nodes.indices.filter { program.admitsType(of: instance, at: nodes[$0]) }
        if plausible.count == 1 {
            var ignored = Annotations()
            _ = inPlace(nodes[plausible[0]], instance, &ignored, at: [name, String(plausible[0])])
        } else {
            fail(node, name, expected: expected, found: Self.describe(instance))
        }
        return false
    }

    // MARK: - Helpers

    static func hasType(_ value: JSONValue, _ name: String) -> Bool {
        switch (name, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
            ("number", .number):
            return true
        case ("integer", .number(let text)):
            return DecimalNumber(text)?.isInteger ?? false
        default:
            return false
        }
    }

    /// A short rendering of an instance value for messages.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements): "an array of \(MessageWording.countText(elements.count, "item"))"
        case .object(let object): "an object with \(MessageWording.countText(object.count, "member"))"
        default: "\(MessageWording.articled(value.typeName)) \(MessageWording.compactText(of: value, limit: 60))"
        }
    }
}

extension SchemaProgram {
    /// Whether node `index` could accept the instance's JSON type (its direct `type`, if any, allows it).
    func admitsType(of instance: JSONValue, at index: Int, depth: Int = 0) -> Bool {
        let node = nodes[index]
        guard depth < 16 else { return true }
        if let constant = node.constant { return constant }
        for keyword in node.keywords {
            if case .type(let names) = keyword.rule {
                return names.contains { SchemaEvaluator.hasType(instance, $0) }
            }
            if case .ref(let target) = keyword.rule, node.keywords.count == 1 {
                return admitsType(of: instance, at: target, depth: depth + 1)
            }
        }
        return true
    }
}

extension String {
    /// Replaces every `target` with `replacement`.
    fileprivate func replacingEvery(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

extension JSONValue {
    /// JSON Schema equality: numbers by value, object members regardless of order, strings by their
    /// Unicode scalars (not canonical equivalence: a precomposed é differs from e + combining accent).
    func isSchemaEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.string(let lhs), .string(let rhs)):
            return lhs.unicodeScalars.elementsEqual(rhs.unicodeScalars)
        case (.array(let lhs), .array(let rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isSchemaEqual(to: $1) }
        case (.object(let lhs), .object(let rhs)):
            guard lhs.count == rhs.count else { return false }
            return lhs.allSatisfy { member in
                rhs.first { $0.key.unicodeScalars.elementsEqual(member.key.unicodeScalars) }
                    .map { member.value.isSchemaEqual(to: $0.value) } ?? false
            }
        default:
            return isSameValue(as: other)
        }
    }
}
