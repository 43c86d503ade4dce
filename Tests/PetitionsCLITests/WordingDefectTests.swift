import Foundation
import PetitionsTestSupport
import Testing

/// Error sentences a tester found saying the wrong thing: each says now what is the case.
@Suite struct WordingDefectTests {
    func ok(_ cli: CLI, _ args: [String]) throws {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args): \(r)")
    }

    /// Help text with its lines (wrapped at 80 columns) joined by single spaces.
    func flat(_ s: String) -> String { s.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// `letter receive --help` said --from is "The authority that wrote" (any party may write); `enrol end --help`
    /// broke a line mid-sentence and said "cancelled" where README says "unscheduled".
    @Test func helpSaysWhatTheCommandsDo() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let receive = try cli.run(["letter", "receive", "--help"], withDB: false)
        #expect(!receive.stdout.contains("The authority that wrote"), "\(receive.stdout)")
        #expect(flat(receive.stdout).contains("Who wrote: an authority, a petitioner, a group or the office"), "\(receive.stdout)")
        let end = try cli.run(["enrol", "end", "--help"], withDB: false)
        #expect(flat(end.stdout).contains("nothing has come for are unscheduled.") && !end.stdout.contains("cancelled"), "\(end.stdout)")
        #expect(!end.stdout.contains("again\n"), "no line broken mid-sentence: \(end.stdout)")
    }

    /// It said "'moscow-supply' is sovnarkom itself or below it; an authority cannot be its own parent".
    @Test func aCircularParentSaysWhetherItIsTheAuthorityItselfOrBelowIt() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let below = try cli.run(["authority", "edit", "sovnarkom", "--parent", "moscow-supply"])
        #expect(below.status == 65, "\(below)")
        #expect(
            below.stderr
                == "error: --parent 'moscow-supply' is below sovnarkom (moscow-supply → narkompochtel → sovnarkom); an authority cannot be placed under an authority below it.\n",
            "\(below.stderr)")
        let itself = try cli.run(["authority", "edit", "sovnarkom", "--parent", "sovnarkom"])
        #expect(
            itself.status == 65 && itself.stderr == "error: --parent 'sovnarkom' is sovnarkom itself; an authority cannot be its own parent.\n",
            "\(itself)")
    }

    /// It said the group sending to a person "is a person too" ("and so is the sender").
    @Test func aLetterBetweenPetitionersNamesEachPartysKind() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["letter", "send", "--from", "dmitrov-post", "--to", "kropotkin", "--subject", "x", "--on", "1920-03-01"])
        #expect(r.status == 65, "\(r)")
        #expect(
            r.stderr
                == "error: --to: 'kropotkin' is a person (Pëtr Kropotkin), and --from 'dmitrov-post' is a group (Dmitrov postal-telegraph employees); a letter goes to or from an authority or the office.\n",
            "\(r.stderr)")
        let two = try cli.run(["letter", "send", "--from", "employee", "--to", "kropotkin", "--subject", "x", "--on", "1920-03-01"])
        #expect(two.stderr.contains("and so is the sender"), "\(two.stderr)")
    }

    /// It said "other processes kept creating and removing it".
    @Test func aDanglingSymbolicLinkAsTheLedgerIsNamedAsOne() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let link = cli.directory.appendingPathComponent("link.sqlite").path
        let target = cli.directory.appendingPathComponent("gone.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try CLI.exec(["authority", "add", "--name", "X", "--db", link], environment: cli.environment)
        #expect(r.status == 73, "\(r)")
        #expect(r.stderr.contains("is a symbolic link to a missing file ('\(target)')"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target), "nothing created through the link")
    }

    /// A name without letters makes the handle 'p': the note said "someone named 🙂🙂 is already recorded as 'p'"
    /// when the one recorded as 'p' was "!!!".
    @Test func aNameWithoutLettersIsNotSaidToBeTakenByItself() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try ok(cli, ["petitioner", "add", "--name", "!!!"])
        let r = try cli.run(["petitioner", "add", "--name", "🙂🙂"])
        #expect(r.status == 0 && r.stdout.contains("p-2: 🙂🙂"), "\(r)")
        #expect(!r.stderr.contains("someone named"), "\(r.stderr)")
        #expect(r.stderr == "note: 🙂🙂 has no letters to make a handle of, and 'p' is taken; this one is 'p-2'. Give --handle to choose one.\n")
    }

    /// Direction-turning characters were refused in attachment names only, and errors echoed U+202E and tabs raw.
    @Test func directionTurningCharactersAreRefusedInEveryTextAndShownEscaped() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        for args in [
            ["petitioner", "add", "--name", "Ivan \u{202E}vortep"],
            ["petitioner", "edit", "kropotkin", "--phone", "123\u{2066}4"],
            ["petition", "log", "--from", "kropotkin", "--to", "sovnarkom", "--subject", "Bread\u{202B}", "--on", "1920-03-01"],
            ["authority", "add", "--name", "\u{2069}Narkomzem"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 65, "\(args): \(r)")
            #expect(r.stderr.contains("which turns the text's direction"), "\(args): \(r.stderr)")
            #expect(!r.stderr.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        }
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        let tab = try cli.run(["petitioner", "show", "kropot\tkin"])
        #expect(tab.status != 0 && tab.stderr.contains("'kropot\\u0009kin'") && !tab.stderr.contains("\t"), "\(tab.stderr)")
    }

    /// It said "has no whole number after '='".
    @Test func aNegativeCountIsSaidToBeNegative() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let r = try cli.run(["group", "add", "--name", "Post", "--count", "bogus=-1"])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr == "error: --count 'bogus=-1' counts a negative number of heads; a count cannot be negative.\n", "\(r.stderr)")
    }

    /// It said "no petitioner 'kropotkin'." without suggesting petr-kropotkin, the one handle with that word.
    @Test func anUnknownHandleSuggestsTheHandleHoldingThatWord() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try ok(cli, ["petitioner", "add", "--name", "Pëtr Kropotkin"])
        let r = try cli.run(["petitioner", "edit", "kropotkin", "--phone", "1"])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.hasSuffix("no petitioner 'kropotkin'; did you mean 'petr-kropotkin'?\n"), "\(r.stderr)")
    }

    /// A scope naming a decree the ledger lacks named the rule's id line, not the scope's, and `D18` (in capitals, or
    /// short for decree-1918) got no suggestion.
    @Test func aRulesFileScopeErrorNamesItsLineAndTheClosestDecree() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("rules.toml")
        for value in ["D18", "d18", "Decree-1919"] {
            let rules = "version = 1\n\n[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\n\n[rule.scope]\ndecree = \"\(value)\"\n"
            try rules.write(to: file, atomically: true, encoding: .utf8)
            let r = try cli.run(["check", "--rules", file.path, "--as-of", "1920-01-01"])
            #expect(r.status == 65, "\(value): \(r)")
            let says = "rules.toml, line 8: rule 'late': scope decree: no decree '\(value.lowercased())'; did you mean 'decree-1918'?"
            #expect(r.stderr.contains(says), "\(r)")
        }
        let inline = "version = 1\n\n[[rule]]\nkind = \"overdue_delivery\"\nid = \"late\"\nscope = { authority = \"moscow-suply\" }\n"
        try inline.write(to: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["check", "--rules", file.path, "--as-of", "1920-01-01"])
        #expect(r.stderr.contains("line 6: rule 'late': scope authority: no authority 'moscow-suply'; did you mean 'moscow-supply'?"), "\(r)")
    }

    /// A line separator (U+2028) was quoted raw, breaking the sentence's line; a tab inside a name was recorded, and
    /// pushed apart the columns of every listing.
    @Test func aLineSeparatorIsQuotedEscapedAndATabInANameIsRefused() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let separator = try cli.run(["petitioner", "show", "kropot\u{2028}kin"])
        #expect(separator.status != 0 && separator.stderr.contains("'kropot\\u2028kin'"), "\(separator.stderr)")
        #expect(!separator.stderr.contains("\u{2028}"), "\(separator.stderr)")
        let before = try BadInputTests.snapshot(cli)
        for args in [
            ["petitioner", "add", "--name", "Pëtr\tKropotkin"], ["petitioner", "edit", "kropotkin", "--occupation", "prince\tanarchist"],
            ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "Flour\tand salt", "--on", "1920-02-01"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 65 && r.stderr.contains("holds the control character \\u0009 (a tab)"), "\(args): \(r)")
            #expect(!r.stderr.contains("\t"), "\(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        // A note may hold tabs, as any longer text may.
        #expect(try cli.run(["petition", "note", "1", "--text", "weighed:\t20 funt"]).status == 0)
    }

    /// `dependant remove --name sofia` printed "Removed sofia…" while the event recorded the name held, "Sofia".
    @Test func aRemovedDependantIsNamedAsTheLedgerHeldThem() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try ok(cli, ["init", "--office", "dmitrov"])
        try ok(cli, ["petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov", "--dependant", "Sofia Petrova:child"])
        let r = try cli.run(["petitioner", "dependant", "remove", "ivan-petrov", "--name", "sofia petrova"])
        #expect(r.status == 0 && r.stdout.hasPrefix("Removed Sofia Petrova from the household of ivan-petrov.\n"), "\(r)")
        let events = try cli.run(["events", "--kind", "dependant.removed", "--format", "json"])
        #expect(events.stdout.contains(#""name" : "Sofia Petrova""#), "\(events)")
    }
}
