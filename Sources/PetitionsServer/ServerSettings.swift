import Foundation
import PetitionsApp

/// How `petitions serve` was asked to run: which ledger and configuration, where to listen, how to set cookies.
public struct ServerSettings: Sendable {
    /// The ledger (`--db`), else the environment's, as for every command.
    public var databasePath: String?
    /// A configuration file (`--config`).
    public var configPath: String?
    /// The office recording (`--office`).
    public var office: String?
    public var host: String
    public var port: Int
    /// Whether session cookies carry `Secure` (behind HTTPS).
    public var secureCookies: Bool
    public var environment: [String: String]
    /// Today, asked for each request: the local calendar day unless a test fixes it.
    public var today: @Sendable () -> Day
    /// How long a connection may stay open with nothing arriving: no request, or a request's head not yet whole
    /// (a head sent slowly is cut off here too). Browsers open another connection when they need one.
    public var idleTimeout: Duration = .seconds(15)
    /// How long a request's body may take whatever its size; past it, a second more for each `bodyRate` bytes come.
    /// Kept under `idleTimeout` (see `OfficeServer.bodyGrace`): a body that stops coming is answered 408 before the
    /// idle timeout closes its connection without a word.
    public var bodyGrace: Duration = .seconds(10)
    /// The bytes a second a body must keep up after `bodyGrace`, on average.
    public var bodyRate = 500

    public init(
        databasePath: String?, configPath: String? = nil, office: String? = nil, host: String = "127.0.0.1", port: Int = 8080,
        secureCookies: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment,
        today: @escaping @Sendable () -> Day = ServerSettings.localToday
    ) {
        self.databasePath = databasePath
        self.configPath = configPath
        self.office = office
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.environment = environment
        self.today = today
    }

    /// The local calendar day.
    @Sendable public static func localToday() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? Day.minimum
    }

    /// The workspace of one request, recording as `actor` (the signed-in user's name).
    func workspace(actor: String?) -> Workspace {
        Workspace(
            databasePath: databasePath, actor: actor ?? "office-server", office: office, configPath: configPath, environment: environment,
            today: today())
    }

    /// The ledger's path as the server names it when it starts.
    public var ledgerPath: String { workspace(actor: nil).resolvedDatabasePath }
}
