/// Whether two byte collections are equal, taking time that depends only on their lengths, never on
/// where they differ. Use it for every signature and token comparison; only the length leaks.
package func constantTimeEquals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (a, b) in zip(lhs, rhs) {
        difference |= a ^ b
    }
    return difference == 0
}
