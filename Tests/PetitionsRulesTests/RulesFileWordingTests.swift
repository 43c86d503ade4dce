import PetitionsApp
import PetitionsDomain
import Testing

/// The whole sentence of each error a rules file can get about its rules, word for word as before the kinds decoded
/// themselves (captured from the hand-written reader): a clerk's scripts and habits may rely on them.
@Suite struct RulesFileWordingTests {
    static let cases: [(text: String, error: String)] = [
        (
            "version = 1\n[[rules]]\nid = \"owed\"\nkind = \"arrears\"",
            "rules.toml, line 2: unknown key 'rules'; a rules file has `version` and `[[rule]]` tables (did you mean [[rule]]?)."
        ),
        (
            "[[rule]]\nid = \"letters\"\nkind = \"unanswered_letter\"\nscope = { authority = \"Moscow Supply\" }",
            "rules.toml, line 4: rule 'letters' scope authority 'Moscow Supply' is not a handle; use lower-case letters, digits and hyphens, e.g. 'moscow-supply'."
        ),
        (
            "[[rule]]\nid = \"letters\"\nkind = \"unanswered_letter\"\nscope = \"moscow-supply\"",
            "rules.toml, line 4: rule 'letters' scope 'moscow-supply' is not a table; write [rule.scope] and then e.g. authority = \"moscow-supply\"."
        ),
        (
            "[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\ngrace = \"a week\"",
            "rules.toml, line 4: rule 'late' grace 'a week' is not a span; write e.g. '20 working days', '7 days', '2 weeks' or '1 month'."
        ),
        (
            "[[rule]]\nid = \"stalled\"\nkind = \"stalled_petition\"\nafter = \"60 days\"\ncritical_after = \"0 days\"",
            "rules.toml, line 5: rule 'stalled' critical_after '0 days' must be at least 1."
        ),
        (
            "[[rule]]\nid = \"letters\"\nkind = \"unanswered_letter\"\nwithin = 20",
            "rules.toml, line 4: rule 'letters' within '20' is a whole number, not a span; write e.g. within = \"20 working days\"."
        ),
        (
            "[[rule]]\nid = \"escalate\"\nkind = \"escalation\"\nletters = \"two\"",
            "rules.toml, line 4: rule 'escalate' letters 'two' is text, not a whole number; write e.g. letters = 2."
        ),
        (
            "[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\ncritical_consecutive = 1.5",
            "rules.toml, line 4: rule 'late' critical_consecutive '1.5' is a decimal number, not a whole number; write e.g. critical_consecutive = 2."
        ),
        (
            "[[rule]]\nid = \"escalate\"\nkind = \"escalation\"\nletters = 0",
            "rules.toml, line 4: rule 'escalate' letters '0' must be at least 1."
        ),
        (
            "[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\ncritical_shortfall = 1.5",
            "rules.toml, line 4: rule 'late' critical_shortfall '1.5' must be a fraction more than 0 and at most 1, e.g. 0.5."
        ),
        (
            "[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\ncritical_shortfall = 0",
            "rules.toml, line 4: rule 'late' critical_shortfall '0' must be a fraction more than 0 and at most 1, e.g. 0.5."
        ),
        (
            "[[rule]]\nid = \"owed\"\nkind = \"arrears\"\nthreshold_periods = 0\ncritical_periods = -1",
            "rules.toml, line 5: rule 'owed' critical_periods '-1' must be 0 or more periods."
        ),
        (
            "[[rule]]\nid = \"owed\"\nkind = \"arrears\"\nthreshold_periods = \"one\"",
            "rules.toml, line 4: rule 'owed' threshold_periods 'one' is text, not a number; write e.g. threshold_periods = 1."
        ),
        (
            "[[rule]]\nid = \"owed\"\nkind = \"arrears\"\nenabled = \"no\"",
            "rules.toml, line 4: rule 'owed' enabled 'no' is text, not true or false; write e.g. enabled = true."
        ),
        (
            "[[rule]]\nid = \"no-household\"\nkind = \"sql\"\nquery = \"SELECT 1\"\nseverity = \"urgent\"",
            "rules.toml, line 5: rule 'no-household' severity 'urgent' is not a severity; use warning, overdue or critical."
        ),
        (
            "[[rule]]\nid = \"owed\"\nkind = \"arrears\"\n\n[[rule]]\nid = \"no-household\"\nkind = \"sql\"\nseverity = \"warning\"",
            "rules.toml, line 5: rule 'no-household' is a sql rule without a query; write query = \"\"\"SELECT … AS subject, … AS severity, … AS message …\"\"\"."
        ),
        (
            "[[rule]]\nid = \"no-household\"\nkind = \"sql\"\nquery = \"\"\"\n\n\"\"\"",
            "rules.toml, line 4: rule 'no-household' has an empty query; write the SELECT that returns subject, severity and message columns."
        ),
        (
            "[[rule]]\nid = \"bread\"\nkind = \"overdue_delivery\"\ngrace = \"7 days\"\n[rule.scope]\ndecree = \"bread-ration\"\n\n[[rule]]\nid = \"salt\"\nkind = \"overdue_delivery\"\n# grace = \"7 days\" was too short\ngrace = \"14 dayz\"",
            "rules.toml, line 12: rule 'salt' grace '14 dayz' is not a span; write e.g. '20 working days', '7 days', '2 weeks' or '1 month'."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"unanswered_letter\"\nwarning_before = \"3 fortnights\"\n",
            "rules.toml, line 4: rule 'a' warning_before '3 fortnights' is not a span; write e.g. '20 working days', '7 days', '2 weeks' or '1 month'."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"overdue_delivery\"\ngrace = [\"7 days\"]\n",
            "rules.toml, line 4: rule 'a' grace '[ '7 days' ]' is a list, not a span; write e.g. grace = \"20 working days\"."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"overdue_delivery\"\ncritical_consecutive = \"2\"\n",
            "rules.toml, line 4: rule 'a' critical_consecutive '2' is text, not a whole number; write e.g. critical_consecutive = 2."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"overdue_delivery\"\ncritical_consecutive = 0\n",
            "rules.toml, line 4: rule 'a' critical_consecutive '0' must be at least 1."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"overdue_delivery\"\ncritical_shortfall = \"half\"\n",
            "rules.toml, line 4: rule 'a' critical_shortfall 'half' is text, not a number; write e.g. critical_shortfall = 1."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"overdue_delivery\"\ncritical_shortfall = nan\n",
            "rules.toml, line 4: rule 'a' critical_shortfall 'nan' must be a fraction more than 0 and at most 1, e.g. 0.5."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"overdue_delivery\"\ncritical_shortfall = inf\n",
            "rules.toml, line 4: rule 'a' critical_shortfall 'inf' must be a fraction more than 0 and at most 1, e.g. 0.5."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"arrears\"\nthreshold_periods = -0.5\n",
            "rules.toml, line 4: rule 'a' threshold_periods '-0.5' must be 0 or more periods."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"arrears\"\ncritical_periods = inf\n",
            "rules.toml, line 4: rule 'a' critical_periods 'inf' must be 0 or more periods."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"arrears\"\ncritical_periods = 1920-03-04\n",
            "rules.toml, line 4: rule 'a' critical_periods '1920-03-04' is a date or time, not a number; write e.g. critical_periods = 1."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"stalled_petition\"\nafter = \"sixty days\"\n",
            "rules.toml, line 4: rule 'a' after 'sixty days' is not a span; write e.g. '20 working days', '7 days', '2 weeks' or '1 month'."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"stalled_petition\"\ncritical_after = { x = 1 }\n",
            "rules.toml, line 4: rule 'a' critical_after '{ x = 1 }' is a table, not a span; write e.g. critical_after = \"20 working days\"."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"escalation\"\nletters = 2.5\n",
            "rules.toml, line 4: rule 'a' letters '2.5' is a decimal number, not a whole number; write e.g. letters = 2."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"escalation\"\nletters = -3\n",
            "rules.toml, line 4: rule 'a' letters '-3' must be at least 1."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"escalation\"\nwith_critical_supply = \"yes\"\n",
            "rules.toml, line 4: rule 'a' with_critical_supply 'yes' is text, not true or false; write e.g. with_critical_supply = true."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"sql\"\nquery = 1\n",
            "rules.toml, line 4: rule 'a' query '1' is a whole number, not text; write e.g. query = \"\"\"SELECT …\"\"\"."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"sql\"\nquery = \"SELECT 1\"\nseverity = 2\n",
            "rules.toml, line 5: rule 'a' severity '2' is a whole number, not text; write e.g. severity = \"warning\"."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"sql\"\nseverity = \"bad\"\n",
            "rules.toml, line 1: rule 'a' is a sql rule without a query; write query = \"\"\"SELECT … AS subject, … AS severity, … AS message …\"\"\"."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"arrears\"\nenabled = 1\nscope = 3\n",
            "rules.toml, line 4: rule 'a' enabled '1' is a whole number, not true or false; write e.g. enabled = true."
        ),
        (
            // A capital is read as on the command line (`Bad` is `bad`); a space makes no handle.
            "[[rule]]\nid = \"a\"\nkind = \"arrears\"\nthreshold_periods = \"x\"\nscope = { authority = \"Bad one\" }\n",
            "rules.toml, line 5: rule 'a' scope authority 'Bad one' is not a handle; use lower-case letters, digits and hyphens, e.g. 'moscow-supply'."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"arrears\"\n[rule.scope]\ndecree = 3\n",
            "rules.toml, line 5: rule 'a' scope decree '3' is not a handle; use lower-case letters, digits and hyphens, e.g. 'moscow-supply'."
        ),
        (
            "[[rule]]\nid = \"a\"\nkind = \"overdue_delivery\"\ncritical_shortfall = 2\ngrace = \"x\"\n",
            "rules.toml, line 5: rule 'a' grace 'x' is not a span; write e.g. '20 working days', '7 days', '2 weeks' or '1 month'."
        ),
        (
            "[[rule]]\nid = 3\nkind = \"arrears\"\n",
            "rules.toml, line 2: rule 1 id '3' is a whole number, not a handle; write e.g. id = \"late-supply\"."
        ),
        (
            "rule = \"x\"\n",
            "rules.toml, line 1: rule must be a list of [[rule]] tables, each with an id and a kind."
        ),
        (
            "rule = [{ id = \"a\", kind = \"arrears\", threshold_periods = \"q\" }]\n",
            "rules.toml, line 1: rule 'a' threshold_periods 'q' is text, not a number; write e.g. threshold_periods = 1."
        ),
        (
            "rule = [{ id = \"a\", kind = \"arrears\" }, { id = \"b\", kind = \"escalation\", letters = 0 }]\n",
            "rules.toml, line 1: rule 'b' letters '0' must be at least 1."
        ),
    ]

    @Test func everySentenceIsWordForWordAsBefore() {
        for c in Self.cases {
            do {
                _ = try RulesFile.parse(c.text, source: "rules.toml")
                Issue.record("expected an error for:\n\(c.text)")
            } catch let e as PetitionsError {
                #expect(e.message == c.error)
                #expect(e.code == .dataError)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
