import PetitionsDomain

/// Warnings for head-count categories that nothing else in the ledger knows, as `enrol` refuses a category its decree
/// has no ration for: `group edit --count employe=5` was kept silently, and the group counted five people no decree
/// provides for (and the report five more people). The record is kept all the same: a category may come before its
/// decree.
public struct UnrationedCategories: UseCase {
    /// What the categories are: head-counts of a group (`--count`) or a decree's rations (`--ration`).
    public enum Source: Sendable {
        /// A group's head-counts: warned of when decrees have rations and none is for the category.
        case headCounts
        /// A decree's rations (`decree`, just recorded): warned of when no group counts the category, no dependant
        /// is of it and no other decree rations it, and a known category is close to it.
        case rations(decree: String)
    }

    public var categories: [String]
    public var source: Source

    public init(_ categories: [String], _ source: Source) {
        self.categories = categories
        self.source = source
    }

    /// One sentence for each category to look at, naming the option, the category and the closest known one.
    public func run(in workspace: Workspace) throws -> [String] {
        guard !categories.isEmpty else { return [] }
        return try workspace.reading { l in
            let decrees = try l.decrees()
            switch source {
            case .headCounts:
                let rationed = Set(decrees.flatMap(\.rations).map(\.category))
                guard !rationed.isEmpty else { return [] }
                return Self.unique(categories).filter { !rationed.contains($0) }.map { c in
                    let hint = closest(to: c, among: rationed.sorted()).map { " (did you mean \($0)?)" } ?? ""
                    return "--count \(c): no decree has a ration for '\(c)'\(hint); decrees provide for "
                        + "\(rationed.sorted().joined(separator: ", ")). The head-count is kept; correct it with group edit --count \(c)=0."
                }
            case .rations(let decree):
                var known = Set(decrees.filter { $0.handle != decree }.flatMap(\.rations).map(\.category))
                for g in try l.parties(kind: .group) { known.formUnion((g.counts ?? []).map(\.category)) }
                for p in try l.parties(kind: .person) { known.formUnion((p.dependants ?? []).map(\.category)) }
                return Self.unique(categories).filter { !known.contains($0) }.compactMap { c in
                    guard let near = closest(to: c, among: known.sorted()) else { return nil }
                    return "--ration \(c): no group counts '\(c)' and no other decree rations it; did you mean \(near)? "
                        + "The decree is recorded as given."
                }
            }
        }
    }

    private static func unique(_ c: [String]) -> [String] {
        var seen = Set<String>()
        return c.filter { seen.insert($0).inserted }
    }
}
