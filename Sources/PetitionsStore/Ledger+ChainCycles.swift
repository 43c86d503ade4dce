import GRDB
import PetitionsDomain

extension Ledger {
    /// The handles, sorted, of the parties that are above themselves: on a chain of parents that comes back round,
    /// however long. Each party's parent is read once and each chain walked once (a recursive query bounded at 50
    /// steps missed a cycle of 60, and an unbounded one walks every chain from every party on it).
    func authoritiesAboveThemselves(_ db: Database) throws -> [String] {
        var parent: [Int64: Int64] = [:]
        var handle: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, handle, parent_id FROM party WHERE parent_id IS NOT NULL") {
            parent[row["id"]] = row["parent_id"]
            handle[row["id"]] = row["handle"]
        }
        // 1: on the walk under way; 2: walked before, on a cycle already found or leading to none.
        var state: [Int64: Int] = [:]
        var onCycle: [String] = []
        for start in parent.keys where state[start] == nil {
            var path: [Int64] = []
            var at: Int64? = start
            while let node = at, state[node] == nil {
                state[node] = 1
                path.append(node)
                at = parent[node]
            }
            // Back at a party of this walk: the path from it on is a cycle.
            if let node = at, state[node] == 1, let first = path.firstIndex(of: node) {
                onCycle += path[first...].compactMap { handle[$0] }
            }
            for node in path { state[node] = 2 }
        }
        return onCycle.sorted()
    }
}
