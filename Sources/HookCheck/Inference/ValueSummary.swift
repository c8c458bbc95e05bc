/// What every captured delivery of one event holds at each place of its body: the JSON types seen, in how
/// many deliveries the member was present, and the string values (for formats and id prefixes). Array
/// elements are summarised together, as one element shape.
struct ValueSummary {
    /// The types seen here, in first-seen order.
    var types: [Pattern.JSONType] = []
    /// In how many of the summarised parents this member was present.
    var presence = 0
    /// How many parents (objects holding this member, or deliveries for the root) were summarised.
    var parents = 0
    /// String values seen, at most ``stringLimit``.
    var strings: [String] = []
    /// Whether every string seen so far is kept in ``strings``.
    var allStringsKept = true
    /// Object members, in first-seen order.
    var members: [(key: String, summary: ValueSummary)] = []
    /// The element summary of arrays seen here: empty until an array is seen, then one summary.
    var elements: [ValueSummary] = []

    static let stringLimit = 64

    /// Adds one value seen here.
    mutating func add(_ value: JSONValue) {
        presence += 1
        let type: Pattern.JSONType
        switch value {
        case .null: type = .null
        case .bool: type = .boolean
        case .number(let text): type = DecimalNumber(text)?.isInteger == true ? .integer : .number
        case .string(let text):
            type = .string
            if strings.count < Self.stringLimit { strings.append(text) } else { allStringsKept = false }
        case .object(let object):
            type = .object
            for index in members.indices { members[index].summary.parents += 1 }
            for member in object {
                if let index = members.firstIndex(where: { $0.key == member.key }) {
                    members[index].summary.add(member.value)
                } else {
                    var summary = ValueSummary()
                    summary.parents = objectsSeen + 1
                    summary.add(member.value)
                    members.append((member.key, summary))
                }
            }
            objectsSeen += 1
        case .array(let items):
            type = .array
            if elements.isEmpty { elements = [ValueSummary()] }
            for item in items {
                elements[0].parents += 1
                elements[0].add(item)
            }
        }
        if !types.contains(type) { types.append(type) }
    }

    /// How many objects were seen here (the parents of ``members``).
    private var objectsSeen = 0

    /// Whether the member was present in every parent.
    var isAlwaysPresent: Bool { presence >= parents }
}
