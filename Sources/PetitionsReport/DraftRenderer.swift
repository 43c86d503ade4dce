import Foundation
import Mustache
import PetitionsDomain

/// Renders a letter draft through a Mustache template, as plain text: nothing is HTML-escaped.
public enum DraftRenderer {
    /// The letter for `draft` through `template` (the built-in one of its kind when nil).
    /// `source` names the template in errors, e.g. "--template letters/reminder.mustache".
    public static func render(_ draft: DraftContext, template: String? = nil, source: String = "the built-in template") throws -> String {
        let text = template ?? DraftTemplates.text(for: draft.kind)
        let parsed: MustacheTemplate
        do {
            // Letters are plain text: the pragma keeps Mustache from HTML-escaping names such as "People's".
            parsed = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
        } catch let e as MustacheTemplate.ParserError {
            throw PetitionsError("\(source): not a valid Mustache template at line \(e.context.lineNumber) (\(quoted(e.context.line.trimmingCharacters(in: .whitespaces)))): \(e.error).")
        } catch {
            throw PetitionsError("\(source): not a valid Mustache template: \(error).")
        }
        return parsed.render(draft)
    }
}
