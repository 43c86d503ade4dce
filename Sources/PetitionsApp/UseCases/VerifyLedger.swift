import PetitionsDomain
import PetitionsStore

/// What `VerifyLedger` found.
public struct VerifyResult: Encodable, Sendable {
    public var ok: Bool
    public var problems: [String]
}

/// Checks the file, its references and the ledger's own invariants.
public struct VerifyLedger: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> VerifyResult {
        // The file first, on its own connection: a damaged ledger may not even open, and verify is how to find out.
        let damage = try Ledger.fileProblems(path: workspace.resolvedDatabasePath)
        if !damage.isEmpty { return VerifyResult(ok: false, problems: damage) }
        let problems = try workspace.reading { try $0.verify(checkingFile: false) }
        return VerifyResult(ok: problems.isEmpty, problems: problems)
    }
}
