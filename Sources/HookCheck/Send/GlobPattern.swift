/// A shell-style glob on result names, as `--only` takes it: `*` matches any run of characters,
/// `?` exactly one, `\` escapes the next character; everything else matches itself.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    private enum Token: Sendable, Hashable {
        case literal(Character)
        case any
        case one
    }

    private let tokens: [Token]
    /// The pattern text as given.
    public let description: String

    /// Compiles `text`. A trailing lone `\` matches a backslash.
    public init(_ text: String) {
        description = text
        var tokens: [Token] = []
        var escaping = false
        for character in text {
            if escaping {
                tokens.append(.literal(character))
                escaping = false
                continue
            }
            switch character {
            case "\\": escaping = true
            case "*": if tokens.last != .any { tokens.append(.any) }
            case "?": tokens.append(.one)
            default: tokens.append(.literal(character))
            }
        }
        if escaping { tokens.append(.literal("\\")) }
        self.tokens = tokens
    }

    /// Whether `name` matches the whole pattern.
    public func matches(_ name: String) -> Bool {
        let characters = Array(name)
        // Iterative matching with a single backtrack point for the last `*` (linear in practice).
        var nameIndex = 0
        var tokenIndex = 0
        var starToken: Int?
        var starName = 0
        while nameIndex < characters.count {
            if tokenIndex < tokens.count {
                switch tokens[tokenIndex] {
                case .any:
                    starToken = tokenIndex
                    starName = nameIndex
                    tokenIndex += 1
                    continue
                case .one:
                    nameIndex += 1
                    tokenIndex += 1
                    continue
                case .literal(let expected) where expected == characters[nameIndex]:
                    nameIndex += 1
                    tokenIndex += 1
                    continue
                case .literal:
                    break
                }
            }
            guard let star = starToken else { return false }
            tokenIndex = star + 1
            starName += 1
            nameIndex = starName
        }
        while tokenIndex < tokens.count, tokens[tokenIndex] == .any { tokenIndex += 1 }
        return tokenIndex == tokens.count
    }
}
