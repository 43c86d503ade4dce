import PetitionsDomain

/// Records an authority, optionally below a parent and with a default reply window.
public struct AddAuthority: UseCase {
    public var name: String
    public var handle: String?
    public var parent: String?
    public var replyWithin: Span?
    public var on: Day?

    public init(name: String, handle: String? = nil, parent: String? = nil, replyWithin: Span? = nil, on: Day? = nil) {
        self.name = name
        self.handle = handle
        self.parent = parent
        self.replyWithin = replyWithin
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Party {
        try Handle.refuseReserved(handle)
        return try workspace.recording { try $0.addAuthority(name: name, handle: handle, parent: parent, replyWithin: replyWithin, on: on) }
    }
}
