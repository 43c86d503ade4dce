import ArgumentParser
import Foundation

/// `--address`, `--email`: how to reach a party; an empty value clears it.
struct ContactOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Its postal address (an empty value clears it).") var address: String?
    @Option(parsing: .unconditional, help: "Its e-mail address (an empty value clears it).") var email: String?
}
