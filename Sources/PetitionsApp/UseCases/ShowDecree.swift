import PetitionsDomain

/// A decree with the recipients enrolled in it.
public struct DecreeDossier: Encodable, Sendable {
    public var decree: Decree
    public var enrolments: [Enrolment]
}

/// One decree, by handle or id, with its enrolments.
public struct ShowDecree: UseCase {
    public var decree: String

    public init(decree: String) { self.decree = decree }

    public func run(in workspace: Workspace) throws -> DecreeDossier {
        try workspace.reading { l in
            let d = try l.decree(decree)
            return DecreeDossier(decree: d, enrolments: try l.enrolments(decree: d.handle))
        }
    }
}
