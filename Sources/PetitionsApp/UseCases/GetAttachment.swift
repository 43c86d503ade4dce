import Foundation
import PetitionsDomain

/// The bytes of an attachment, exactly as attached, with what is known of it.
public struct GetAttachment: UseCase {
    public var id: Int64

    public init(id: Int64) { self.id = id }

    public func run(in workspace: Workspace) throws -> (attachment: Attachment, bytes: Data) {
        try workspace.reading { (try $0.attachment(id), try $0.attachmentContent(id)) }
    }
}
