import Foundation
import PetitionsDomain

/// A token just made: its listing, and its text, shown once and never kept.
public struct IssuedToken: Sendable {
    public var token: APIToken
    public var secret: String
    /// Whether its user is disabled: the token is kept, but works only once the user is enabled again.
    public var userDisabled = false
}

/// Makes a new API token for a user.
public struct IssueToken: UseCase {
    public var name: String
    public var label: String?

    public init(name: String, label: String? = nil) {
        self.name = name
        self.label = label
    }

    public func run(in workspace: Workspace) throws -> IssuedToken {
        let label = label?.trimmingCharacters(in: .whitespaces)
        if let label, label.count > 200 || label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw PetitionsError.invalid("--label", label, "is not a label; use at most 200 characters and no control characters")
        }
        let secret = Passwords.newToken()
        let token = try workspace.amending {
            try $0.addToken(user: name, label: label?.isEmpty == true ? nil : label, tokenHash: Passwords.tokenHash(secret))
        }
        // A disabled user's token is refused like the user's others until `user enable`: said, not printed as if it worked.
        let disabled = try FindUser(name: token.user).run(in: workspace)?.account.disabled ?? false
        return IssuedToken(token: token, secret: secret, userDisabled: disabled)
    }
}
