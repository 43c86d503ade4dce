import PetitionsDomain

/// The most an attachment may hold: `max_attachment_mb` of the ledger's configuration, so that a front end receiving
/// a file can stop reading once it is over.
public struct AttachmentLimit: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> Limit {
        Limit(megabytes: try Configuration.load(path: workspace.resolvedConfigPath).maxAttachmentMB)
    }

    /// A limit in MB (of 1,048,576 bytes).
    public struct Limit: Sendable, Equatable {
        public var megabytes: Int
        public var bytes: Int { megabytes * AttachmentFile.bytesPerMB }

        public init(megabytes: Int) { self.megabytes = megabytes }

        /// The sentence refusing a file (called `name`, when known) that is over the limit.
        public func refusal(name: String?) -> PetitionsError {
            PetitionsError(
                "file\(name.map { " \(quoted($0))" } ?? ""): over the limit of \(megabytes) MB for an attachment (max_attachment_mb in the configuration); nothing was attached.",
                field: "file", kind: .invalid)
        }
    }
}
