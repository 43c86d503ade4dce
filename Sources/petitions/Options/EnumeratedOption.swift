import ArgumentParser
import Foundation
import PetitionsApp

/// An option (or argument) whose value is one of a few words: `--format`, `--role`, `import`'s and `export`'s first
/// argument. ArgumentParser refused a word outside them in its own wording ("The value 'xml' is invalid for
/// '--format <format>'. Please provide one of …") followed by the whole usage; declared with `transform:
/// T.option("--format")`, a bad word is refused in one sentence of ours, naming the option, the word and the words
/// allowed, with exit 64, as every other usage error (`Petitions.main` finds the sentence inside the parser's error).
protocol EnumeratedOption: ExpressibleByArgument, CaseIterable, RawRepresentable, Sendable where RawValue == String {
    /// The words allowed, in the order the sentence lists them.
    static var words: [String] { get }
}

extension EnumeratedOption {
    static var words: [String] { allCases.map(\.rawValue) }

    /// `text` as one of the words, or the sentence naming `option`: "--format 'xml' is not one of text, json, csv."
    static func parse(_ text: String, option: String) throws -> Self {
        if let value = Self(rawValue: text) { return value }
        throw PetitionsError(
            "\(option) \(quoted(text)) is not one of \(words.joined(separator: ", ")).", code: .usage, field: option, kind: .invalid)
    }

    /// The transform of an option or argument of this type, named `option` in the sentence.
    static func option(_ option: String) -> @Sendable (String) throws -> Self {
        { try parse($0, option: option) }
    }

    /// The help's list of the words, for the option's completion.
    static var completion: CompletionKind { .list(words) }
}

extension ExportKind: EnumeratedOption {}
extension ExportFormat: EnumeratedOption {}
extension Role: EnumeratedOption {
    static var words: [String] { ["admin", "clerk", "reader"] }
}

extension Petitions {
    /// Our sentence inside an error ArgumentParser made of it: an `EnumeratedOption`'s refusal thrown by a transform
    /// comes back wrapped in the parser's own error types (not public), so it is looked for among their stored values.
    ///
    /// Reflection, because ArgumentParser 1.8.2 offers no typed way to it. Whatever a transform throws (our error, a
    /// `ValidationError`, anything) is kept as `ParserError.unableToParseValue(…, originalError:)` inside a
    /// `CommandError`, both internal types; `ExpressibleByArgument.init?(argument:)` can only fail, with no error at
    /// all. The public ways out are `message(for:)` and `fullMessage(for:)` (the parser's wording around ours: "The
    /// value 'xml' is invalid for '--format <format>': …") and `exitCode(for:)`. Parsing the word in `validate()`
    /// instead gets the same wrapping (`userValidationError`) and, for an error other than `ValidationError`, exit 1.
    static func carriedError(_ value: Any, depth: Int = 0) -> PetitionsError? {
        if let error = value as? PetitionsError { return error }
        guard depth < 8 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = carriedError(child.value, depth: depth + 1) { return found }
        }
        return nil
    }
}
