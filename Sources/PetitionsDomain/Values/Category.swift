/// Categories of people (`employee`, `incapacitated`, `child`): lower-case words.
public enum Category {
    public static func validate(_ s: String, field: String, whole: String? = nil) throws -> String {
        let c = s.lowercased()
        guard !c.isEmpty, c.allSatisfy({ ($0.isLetter || $0.isNumber) || $0 == "-" || $0 == "_" }) else {
            throw PetitionsError.invalid(field, whole ?? s, "has no valid category; use a word such as 'employee', 'incapacitated' or 'child'")
        }
        return c
    }
}
