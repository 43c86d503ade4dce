import PetitionsDomain

/// A user by name as it is now, or nil: the server looks a session's user up on every request, so a disabled
/// user or a changed role takes effect at once.
public struct FindUser: UseCase {
    public var name: String

    public init(name: String) { self.name = name }

    public func run(in workspace: Workspace) throws -> Account? {
        try workspace.reading { try $0.storedAccount(named: name)?.account }
    }
}
