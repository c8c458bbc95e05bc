/// Why strict base64 decoding failed. Offsets count bytes of the input text from 0. Callers that
/// decode secrets must not show the `character`.
package enum Base64Error: Error, Equatable, CustomStringConvertible {
    /// A byte outside the alphabet (or `=` before the end).
    case invalidCharacter(offset: Int, character: Character)
    /// A length no base64 text can have (one character past a group of four).
    case invalidLength(Int)
    /// Padding that is missing where required, present where forbidden, or not the right amount.
    case invalidPadding(String)
    /// The last character carries bits that no encoder would set (the text is not canonical).
    case nonZeroTrailingBits(offset: Int)

    package var description: String {
        switch self {
        case .invalidCharacter(let offset, let character):
            "invalid base64 character \(String(reflecting: String(character))) at offset \(offset)"
        case .invalidLength(let length):
            "invalid base64 length \(length): a final group of one character cannot encode a byte"
        case .invalidPadding(let reason):
            "invalid base64 padding: \(reason)"
        case .nonZeroTrailingBits(let offset):
            "non-canonical base64: unused bits set in the character at offset \(offset)"
        }
    }
}
