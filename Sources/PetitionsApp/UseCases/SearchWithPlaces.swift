import PetitionsDomain

/// One search result with the petition it belongs to: the petition itself, the petition of a letter, of a case note
/// or of an attachment (through its letter). Nil for a party and for a letter on no petition.
public struct PlacedHit: Sendable {
    public var hit: SearchHit
    public var petition: Int64?
}

/// `search`, with each result's petition, so that a page can link a letter, note or attachment to where it is read.
public struct SearchWithPlaces: UseCase {
    public var search: SearchRecords

    public init(_ search: SearchRecords) { self.search = search }

    public func run(in workspace: Workspace) throws -> [PlacedHit] {
        let hits = try search.run(in: workspace)
        return try workspace.reading { l in
            try hits.map { hit in
                guard let id = hit.id else { return PlacedHit(hit: hit, petition: nil) }
                switch hit.kind {
                case .party: return PlacedHit(hit: hit, petition: nil)
                case .petition: return PlacedHit(hit: hit, petition: id)
                case .letter: return PlacedHit(hit: hit, petition: try? l.letter(id).petition)
                case .note: return PlacedHit(hit: hit, petition: try l.petitionOfNote(id))
                case .attachment:
                    guard let a = try? l.attachment(id) else { return PlacedHit(hit: hit, petition: nil) }
                    if let p = a.petition { return PlacedHit(hit: hit, petition: p) }
                    return PlacedHit(hit: hit, petition: a.letter.flatMap { try? l.letter($0).petition })
                }
            }
        }
    }
}
