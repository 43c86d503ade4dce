import PetitionsDomain

/// What `VerifyLedger` found.
public struct VerifyResult: Encodable, Sendable {
    public var ok: Bool
    public var problems: [String]
}

/// Checks the file, its references and the ledger's own invariants.
public struct VerifyLedger: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> VerifyResult {
        let problems = try workspace.reading { try $0.verify() }
        return VerifyResult(ok: problems.isEmpty, problems: problems)
    }
}
