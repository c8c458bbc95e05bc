import Foundation
import HookCheckCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let environment = ProcessInfo.processInfo.environment
let status = await HookCheckCLI.main(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: environment, standardInput: .process,
    console: .standard(environment: environment))
exit(status)
