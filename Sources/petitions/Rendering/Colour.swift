import Foundation
import PetitionsApp

/// Colour for severities, only on a terminal and never when NO_COLOR is set.
enum Colour {
    static let enabled: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    static func severity(_ s: Severity?) -> String {
        guard let s else { return "-" }
        guard enabled else { return s.rawValue }
        switch s {
        case .warning: return "\u{1B}[33m\(s.rawValue)\u{1B}[0m"
        case .overdue: return "\u{1B}[31m\(s.rawValue)\u{1B}[0m"
        case .critical: return "\u{1B}[1;31m\(s.rawValue)\u{1B}[0m"
        }
    }
}
