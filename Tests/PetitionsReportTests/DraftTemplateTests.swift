import Foundation
import PetitionsDomain
import PetitionsReport
import Testing

/// Letter drafts as values: the built-in templates are the files in config/templates, words come out right,
/// a draft read back gives its subject and summary.
@Suite struct DraftTemplateTests {
    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    @Test(arguments: DraftKind.allCases)
    func theBuiltInTemplateIsTheFile(kind: DraftKind) throws {
        let file = Self.repository.appendingPathComponent("config/templates/\(kind.rawValue).mustache")
        #expect(try String(contentsOf: file, encoding: .utf8) == DraftTemplates.text(for: kind))
    }

    static func context(_ kind: DraftKind) throws -> DraftContext {
        let letter = DraftLetter(
            id: 1, date: "20 January 1920", subject: "Appeal", from: "Dmitrov postal-telegraph employees",
            to: "Moscow postal-telegraph supply centre", due: "10 February 1920", daysWaiting: 44, daysOverdue: 23, workingDaysOverdue: 20)
        let deliveries = ["January 1920", "February 1920"].map {
            DraftDelivery(
                id: 1, period: $0, decree: "Decree of 15 August 1918", supplier: "Moscow postal-telegraph supply centre",
                recipient: "Dmitrov postal-telegraph employees", due: "1 \($0)", daysOverdue: 24, daysSinceDue: 32, shortfall: "1,700 funt of wheat",
                owing: "not delivered, 1,700 funt of wheat owed")
        }
        return DraftContext(
            kind: kind, date: "4 March 1920", asOf: try Day(parsing: "1920-03-04"), place: "Dmitrov", office: "dmitrov",
            sender: DraftParty(handle: "dmitrov-post", name: "Dmitrov postal-telegraph employees"), via: nil,
            addressee: DraftParty(handle: "narkompochtel", name: "People's Commissariat of Posts and Telegraphs"),
            below: DraftParty(handle: "moscow-supply", name: "Moscow postal-telegraph supply centre"), addresseeIsAbove: true,
            subject: "January provisions: no answer", petition: nil, letters: [letter], deliveries: deliveries,
            arrears: [
                DraftArrears(
                    decree: "Decree of 15 August 1918", recipient: "Dmitrov postal-telegraph employees", commodity: "wheat",
                    unit: "funt", owed: "3,400", owedKg: "1,392.342", periods: "January and February 1920")
            ],
            periods: "January and February 1920", decrees: "Decree of 15 August 1918")
    }

    @Test(arguments: DraftKind.allCases)
    func everyTemplateRendersPlainTextWithThePlaceAndDate(kind: DraftKind) throws {
        let text = try DraftRenderer.render(try Self.context(kind))
        #expect(text.hasPrefix("Dmitrov, 4 March 1920\n\n"), "\(text)")
        #expect(text.contains("Subject: January provisions: no answer\n"))
        #expect(text.contains("3,400 funt of wheat (1,392.342 kg)"))
        #expect(text.contains("20 January 1920"))
        #expect(!text.contains("&#39;") && !text.contains("&quot;") && !text.contains("{{"))
        #expect(!text.contains("\n\n\n"), "one blank line between paragraphs: \(text)")
        let read = DraftText(text)
        #expect(read.subject == "January provisions: no answer")
        #expect(read.summary?.isEmpty == false)
        #expect(read.summary?.hasPrefix("Esteemed") == false, "the salutation is not the summary")
    }

    @Test func deeplyNestedSectionsAreRefusedBeforeTheParserRecurses() throws {
        let context = try Self.context(.reminder)
        let deep = String(repeating: "{{#hasLetters}}", count: 1_000) + "x" + String(repeating: "{{/hasLetters}}", count: 1_000)
        let error = try #require(throws: PetitionsError.self) {
            try DraftRenderer.render(context, template: deep, source: "--template deep.mustache")
        }
        #expect(error.message.contains("--template deep.mustache") && error.message.contains("100"), "\(error)")
        // Hidden behind other delimiters, inverted, or on later lines: still counted.
        let hidden = "line one\n{{=<% %>=}}" + String(repeating: "<%^owesSupply%>\n", count: 101) + String(repeating: "<%/owesSupply%>", count: 101)
        let refused = try #require(throws: PetitionsError.self) { try DraftRenderer.render(context, template: hidden, source: "t.mustache") }
        #expect(refused.message.contains("line 102"), "\(refused)")
        // A hundred levels are allowed.
        let hundred = String(repeating: "{{#hasLetters}}", count: 100) + "x" + String(repeating: "{{/hasLetters}}", count: 100)
        #expect(try DraftRenderer.render(context, template: hundred) == "x")
    }

    @Test("a list's section nested in a list's section, repeating more than a million times, is refused before it renders (it ran for hours)")
    func runawayRepetitionIsRefusedBeforeRendering() throws {
        var context = try Self.context(.digest)
        context.letters = Array(repeating: context.letters[0], count: 1_001)
        let squared = "Letters:\n{{#letters}}\n{{#letters}}{{date}}{{/letters}}\n{{/letters}}"
        let error = try #require(throws: PetitionsError.self) { try DraftRenderer.render(context, template: squared, source: "t.mustache") }
        #expect(
            error.message
                == "t.mustache: line 3 nests the sections letters inside letters, which would repeat their text 1,002,001 times for this draft; "
                + "a letter template may repeat at most 1,000,000 (inside a list's section, use the item's own fields).", "\(error)")
        // A list through a transform that keeps it a list repeats as often.
        let reversed = "{{#letters}}{{#reversed(letters)}}{{date}}{{/reversed(letters)}}{{/letters}}"
        #expect(throws: PetitionsError.self) { try DraftRenderer.render(context, template: reversed, source: "t.mustache") }
        // Three levels overflow any count; other delimiters do not hide them.
        let cubed = "{{=<% %>=}}<%#letters%><%#deliveries%><%#letters%>x<%/letters%><%/deliveries%><%/letters%>"
        context.deliveries = Array(repeating: context.deliveries[0], count: 1_000)
        #expect(throws: PetitionsError.self) { try DraftRenderer.render(context, template: cubed, source: "t.mustache") }
        // An inverted section shows at most once, and a list after another is added, not multiplied.
        let fine = "{{#letters}}{{^letters}}none{{/letters}}{{/letters}}{{#letters}}a{{/letters}}{{#deliveries}}b{{/deliveries}}"
        #expect(try DraftRenderer.render(context, template: fine).count == 2_001)
    }

    @Test("a tag naming something a draft does not have is refused with the closest name: Mustache left a gap in the letter")
    func unknownNamesAreRefused() throws {
        let context = try Self.context(.escalation)
        for (template, sentence) in [
            ("To: {{adressee.name}}\n", "t.mustache: line 1 uses {{adressee.name}}, which is not a name a draft has; did you mean 'addressee'?"),
            ("x\n{{#letters}}{{dat}}{{/letters}}", "t.mustache: line 2 uses {{dat}}, which is not a name a draft has; did you mean 'date'?"),
            ("{{{ sendr }}}", "t.mustache: line 1 uses {{{ sendr}}}, which is not a name a draft has; did you mean 'sender'?"),
            (
                "{{=<% %>=}}<%upercased(subject)%>",
                "t.mustache: line 1 uses {{upercased(subject)}}, which is not a name a draft has; did you mean 'uppercased'?"
            ),
        ] {
            let error = try #require(throws: PetitionsError.self) { try DraftRenderer.render(context, template: template, source: "t.mustache") }
            #expect(error.message == sentence + " Mustache would leave a gap in the letter.", "\(error)")
        }
        // What Mustache itself offers, comments, and every built-in and shipped template pass.
        let fine =
            "{{! a comment }}{{uppercased(subject)}}{{#letters}}[{{#first()}}{{index()}}{{/first()}}{{#last}}L{{/last}}]{{/letters}}{{&sender.name}}"
        #expect(try DraftRenderer.render(context, template: fine).hasPrefix("JANUARY PROVISIONS: NO ANSWER[0"))
        // A list's helpers are written with parentheses: bare, they are names a draft does not have and print nothing.
        for bare in ["{{#letters}}{{index}}{{/letters}}", "{{#letters}}{{#even}}E{{/even}}{{/letters}}", "{{index()x}}"] {
            #expect(throws: PetitionsError.self, "\(bare)") { try DraftRenderer.render(context, template: bare, source: "t.mustache") }
        }
        for kind in DraftKind.allCases { _ = try DraftRenderer.render(try Self.context(kind)) }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for path in ["reminder", "escalation", "digest", "1920/reminder", "1920/escalation", "1920/digest"] {
            let text = try String(contentsOf: repository.appendingPathComponent("config/templates/\(path).mustache"), encoding: .utf8)
            #expect(DraftRenderer.unknownName(in: text) == nil, "\(path)")
        }
    }

    @Test("the names a template may use are the fields of the draft's types, as Mustache finds them")
    func theKnownNamesAreTheFields() throws {
        var context = try Self.context(.escalation)
        context.via = context.sender
        context.petition = DraftPetition(id: 1, subject: "s", opened: "o", petitioner: "p", authority: "a")
        context.place = "Dmitrov"
        context.signature = "x"
        var labels: Set<String> = []
        func walk(_ value: Any) {
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else {
                    walk(child.value)
                    continue
                }
                labels.insert(label)
                if let list = child.value as? [Any] { list.first.map(walk) } else { walk(child.value) }
            }
        }
        walk(context)
        // Optionals reflect as "some"; the day's own fields are not reached by templates (asOf prints as its text).
        labels.subtract(["some", "year", "month", "day", "rawValue"])
        #expect(labels == DraftContext.names, "\(labels.symmetricDifference(DraftContext.names))")
    }

    @Test func aTemplateThatDoesNotParseIsSaidInWordsQuotingTheUsersLine() throws {
        let context = try Self.context(.reminder)
        for (template, words) in [
            ("{{#letters}}{{subject}}", "never closed"), ("{{#letters}}x{{/deliveries}}", "another name"), ("{{=<%>=}}", "delimiters"),
        ] {
            let error = try #require(throws: PetitionsError.self) { try DraftRenderer.render(context, template: template, source: "t.mustache") }
            #expect(error.message.contains(words), "\(template): \(error)")
            #expect(!error.message.contains("CONTENT_TYPE") && !error.message.contains("expectedSectionEnd"), "\(error)")
            #expect(!error.message.contains("sectionCloseNameIncorrect") && !error.message.contains("invalidSetDelimiter"), "\(error)")
        }
    }

    /// A partial or a parent template names a template a draft does not have: refused, naming the line and the tag,
    /// instead of a letter that comes out with a hole in it.
    @Test func aTemplateThatUsesAnotherTemplateIsRefused() throws {
        let context = try Self.context(.reminder)
        for (template, line, tag) in [
            ("Dear sir,\n{{> /etc/passwd}}\nYours", 2, "{{> /etc/passwd}}"), ("{{<layout}}{{/layout}}", 1, "{{<layout}}"),
            ("a\n{{=<% %>=}}\nb\n<%>signature%>", 4, "<%>signature%>"),
        ] {
            let error = try #require(throws: PetitionsError.self) { try DraftRenderer.render(context, template: template, source: "t.mustache") }
            #expect(error.message.contains("t.mustache: line \(line)") && error.message.contains(tag), "\(template): \(error)")
        }
        // A greater-than sign in the text, or inside a variable's name, is not a partial.
        #expect(try DraftRenderer.render(context, template: "8 > 5 {{! a > comment }}") == "8 > 5 ")
    }

    @Test func aTemplateTooLongToBeALetterIsRefusedBeforeItIsParsed() throws {
        let long = String(repeating: "{{#letters}}{{facts}}{{/letters}}{{owed}}\n", count: 20_000)
        let error = try #require(throws: PetitionsError.self) {
            try DraftRenderer.render(try Self.context(.reminder), template: long, source: "--template long.mustache")
        }
        #expect(error.message.contains("--template long.mustache") && error.message.contains("64 KB"), "\(error)")
    }

    @Test func aContextValuePrintedOnItsOwnShowsNoSwiftInternals() throws {
        let context = try Self.context(.escalation)
        let text = try DraftRenderer.render(
            context, template: "[{{ . }}][{{{.}}}][{{sender}}][{{letters}}][{{#letters}}{{.}}{{/letters}}][{{arrears}}][{{petition}}]")
        #expect(text == "[][][Dmitrov postal-telegraph employees][][][][]", "\(text)")
        #expect(!text.contains("Draft") && !text.contains("PetitionsReport"))
    }

    @Test func wordsForPeriodsListsAndCounts() throws {
        let p = { (s: String) in try Period(parsing: s) }
        #expect(DraftContext.periodsInWords([try p("1920-02"), try p("1920-01")]) == "January and February 1920")
        #expect(DraftContext.periodsInWords([try p("1919-12"), try p("1920-01"), try p("1920-02")]) == "December 1919, January and February 1920")
        #expect(DraftContext.periodsInWords([try p("1920-01")]) == "January 1920")
        #expect(DraftContext.listInWords(["a", "b", "c"]) == "a, b and c")
        #expect(DraftContext.count(1, "day") == "1 day")
        #expect(DraftContext.count(1400, "working day") == "1,400 working days")
        #expect(DraftContext.count(2, "delivery", plural: "deliveries") == "2 deliveries")
    }

    @Test func aDraftReadBack() {
        let d = DraftText(
            "Dmitrov, 4 March 1920\n\nTo: Moscow\nSubject:  Reminder: the appeal \n\nEsteemed comrades,\n\nOur letter of 20 January\nis unanswered.\n\nWith greetings,\n"
        )
        #expect(d.subject == "Reminder: the appeal")
        #expect(d.summary == "Our letter of 20 January is unanswered.")
        let bare = DraftText("No subject here.\nSecond line.\n\nMore.")
        #expect(bare.subject == nil)
        #expect(bare.summary == "No subject here. Second line.")
    }
}
