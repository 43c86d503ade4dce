import Foundation
import Hummingbird
import Logging
import NIOCore
import PetitionsApp
import ServiceLifecycle
import UnixSignals

/// The office server: the web application and the JSON API over one ledger.
public enum OfficeServer {
    /// The router of every page and endpoint, for `run` and for in-process tests.
    public static func router(_ settings: ServerSettings) -> Router<OfficeContext> {
        router(settings, office: Office(settings: settings))
    }

    /// The router over `office`, which a test may look into.
    static func router(_ settings: ServerSettings, office: Office) -> Router<OfficeContext> {
        // HEAD is answered as GET without the body (RFC 9110, 9.3.2), as the Allow header of a 405 says.
        let router = Router(context: OfficeContext.self, options: .autoGenerateHeadEndpoints)
        router.middlewares.add(FrontDoor())
        API.add(to: router, office: office)
        Web.add(to: router, office: office)
        // Last, so that it wraps only the answer to requests no route took.
        router.add(middleware: MethodNotAllowed(router))
        return router
    }

    /// The application listening where `settings` say.
    public static func application(
        _ settings: ServerSettings, onRunning: @escaping @Sendable () async -> Void = {}
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "petitions-server")
        logger.logLevel = .warning
        let office = Office(settings: settings)
        var app = Application(
            router: router(settings, office: office),
            // Bytes that are not HTTP are answered in the house's words too (MalformedRequest). A slow client is cut
            // off: a connection idle (or a head unfinished) for `idleTimeout`, a body trickling in (SlowRequest).
            // An HTTP/1.0 request is answered and its connection closed (ClosingHTTP1Channel). A head is bounded as
            // LargeHeaders says.
            server: ClosingHTTP1Channel.builder(
                .init(
                    additionalChannelHandlers: [
                        MalformedRequest(), SlowRequest(grace: TimeAmount(bodyGrace(settings)), rate: settings.bodyRate),
                    ],
                    idleTimeout: TimeAmount(settings.idleTimeout), httpDecoderConfiguration: LargeHeaders.decoder)),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { _ in await onRunning() },
            logger: logger)
        app.addServices(SessionSweep(office: office))
        return app
    }

    /// The time a request's body may take before its 408, whatever the settings say: under two thirds of the idle
    /// timeout, which would otherwise close a connection whose body stopped coming before the 408 could be sent.
    static func bodyGrace(_ settings: ServerSettings) -> Duration {
        min(settings.bodyGrace, settings.idleTimeout * 2 / 3)
    }

    /// Refuses a `--host` written as numbers and dots that is no IPv4 address (`999.1.1.1`, `10.0.0`), and a name no
    /// address goes by (`not an address`, `example.invalid`, `127.0.0.1%`), before anything is said about it: it was
    /// warned of as exposed, then refused as "The server stopped: it could not listen on not an address:8080" (exit 69)
    /// without naming the option, a new line in it printed as it came. A name that resolves is listened on as before.
    public static func refuseHost(_ host: String) throws {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1 { return }
        let numeric = !host.isEmpty && host.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !numeric else {
            throw PetitionsError(
                "--host \(quoted(host)): not an address of this machine to listen on; an IPv4 address is four numbers from 0 to 255, such as 127.0.0.1.",
                code: .usage, field: "--host")
        }
        // Only what a name or an address is written with is looked up: a space, a control character or a leading
        // dash is no name, wherever the resolver is.
        let nameLike =
            host.first != "-"
            && host.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-_:%".unicodeScalars.contains($0)) }
        guard nameLike else { throw unknownHost(host, code: .usage) }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &found)
        if let found { freeaddrinfo(found) }
        guard status != 0 else { return }
        throw unknownHost(host, code: status == EAI_AGAIN ? .unavailable : .usage)
    }

    /// The sentence for a `--host` no address goes by.
    static func unknownHost(_ host: String, code: PetitionsError.Code) -> PetitionsError {
        PetitionsError(
            "--host \(quoted(host)): no address goes by that name here; give an address of this machine, such as 127.0.0.1 or ::1, or a name it resolves.",
            code: code, field: "--host")
    }

    /// The address `--host` names, as the server binds it: an IPv6 address may be given in brackets (`[::1]`), as it is
    /// written in an address bar; the brackets were handed to the resolver, which knew no such name.
    public static func listeningHost(_ host: String) -> String {
        host.count > 2 && host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// `--port` as a number: anything but a whole number from 1 to 65535 is refused naming it.
    public static func port(_ text: String) throws -> Int {
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (1...65535).contains(n) else {
            throw PetitionsError(
                "--port \(quoted(text)) is not a port number; a port is a whole number from 1 to 65535.", code: .usage, field: "--port")
        }
        return n
    }

    /// What `serve` warns of before listening on `host`, unless it is this machine's loopback (`127.0.0.1`, `::1`,
    /// `localhost`): that every machine able to reach this one can reach the ledger's login page and API, and, without
    /// `--secure-cookies`, that passwords and sessions should travel over HTTPS.
    public static func exposureWarning(host: String, secureCookies: Bool) -> String? {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let loopback = bare.lowercased() == "localhost" || bare == "::1" || bare.hasPrefix("127.")
        guard !loopback else { return nil }
        let advice =
            secureCookies
            ? ""
            : " Serve it behind HTTPS (a reverse proxy in front) and give --secure-cookies, or passwords and sessions cross the network readable."
        return "--host \(quoted(host)) is not loopback: the ledger is reachable beyond this machine, by every machine that can reach it.\(advice)"
    }

    /// Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns. `announce` is called once
    /// the port is bound. A port taken (or not ours to bind) is one sentence, exit 69.
    public static func serve(_ settings: ServerSettings, announce: @escaping @Sendable (String) -> Void) throws {
        // Opening the ledger first names a bad --db in the command line's words before anything listens.
        _ = try ListUsers().run(in: settings.workspace(actor: nil))
        let line = "Serving \(settings.ledgerPath) at http://\(settings.host.contains(":") ? "[\(settings.host)]" : settings.host):\(settings.port)"
        let app = application(settings) { announce(line) }
        let failure = Failure()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                var logger = Logger(label: "petitions-server")
                logger.logLevel = .critical
                let group = ServiceGroup(
                    configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await group.run()
            } catch {
                failure.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw translate(error, settings) }
    }

    static func translate(_ error: any Error, _ settings: ServerSettings) -> PetitionsError {
        if let e = error as? PetitionsError { return e }
        if let e = error as? IOError {
            switch e.errnoCode {
            case EADDRINUSE:
                return PetitionsError(
                    "--port \(settings.port): the port is taken on \(settings.host); choose another with --port.", code: .unavailable)
            case EACCES:
                return PetitionsError("--port \(settings.port): this user may not listen on it; choose a port above 1023.", code: .unavailable)
            case EADDRNOTAVAIL:
                return PetitionsError("--host \(quoted(settings.host)): not an address of this machine to listen on.", code: .unavailable)
            default: break
            }
        }
        if error is SocketAddressError.UnknownHost { return unknownHost(settings.host, code: .unavailable) }
        if error is SocketAddressError {
            return PetitionsError("--host \(quoted(settings.host)): not an address of this machine to listen on.", code: .unavailable)
        }
        return PetitionsError("The server stopped: it could not listen on \(quoted(settings.host)) port \(settings.port).", code: .unavailable)
    }
}

/// An error carried out of the server's task.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    var error: (any Error)? { lock.withLock { stored } }
    func set(_ e: any Error) { lock.withLock { stored = e } }
}
