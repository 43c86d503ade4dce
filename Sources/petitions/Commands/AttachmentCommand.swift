import ArgumentParser
import Foundation
import PetitionsApp

struct AttachmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachment", abstract: "List attachments, get their files back, remove them.",
        subcommands: [List.self, Get.self, Remove.self])
}
