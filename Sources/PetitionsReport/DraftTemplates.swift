/// The built-in letter templates, in plain present-day wording; `config/templates/*.mustache` hold the same text and a
/// test keeps them equal. `config/templates/1920/` keeps the voice of 1920 ("Esteemed comrades") for `--template`.
/// A draft command's `--template FILE` replaces the one of its kind.
public enum DraftTemplates {
    /// The built-in template of a kind of draft.
    public static func text(for kind: DraftKind) -> String {
        switch kind {
        case .reminder: return reminder
        case .escalation: return escalation
        case .digest: return digest
        }
    }

    /// `config/templates/reminder.mustache`.
    public static let reminder = #"""
        {{#place}}{{place}}, {{/place}}{{date}}

        To: {{addressee.name}}
        From: {{sender.name}}{{#via}}, through {{name}}{{/via}}
        Subject: {{subject}}

        Dear Sir or Madam,

        {{#letters}}
        Our letter of {{date}} ("{{subject}}") has been unanswered for {{waited}}.{{#overdue}} A reply was due on {{due}}; it is now {{late}} past due.{{/overdue}}{{^overdue}} A reply is due on {{due}}.{{/overdue}}
        {{/letters}}
        {{#owesSupply}}

        Meanwhile the deliveries of {{periods}} under the {{decrees}} have not been made in full:
        {{#deliveries}}
        - {{period}}: {{owing}}, due on {{due}}, {{late}} late;
        {{/deliveries}}
        in all, what is owed to {{sender.name}} comes to {{owed}}.
        {{/owesSupply}}

        Please reply without further delay{{#owesSupply}}, and tell us when what is owed will be sent{{/owesSupply}}.

        Yours faithfully,

        {{#signature}}{{signature}}{{/signature}}{{^signature}}[signature]{{/signature}}
        {{#via}}{{name}}, for {{/via}}{{sender.name}}

        """#

    /// `config/templates/escalation.mustache`.
    public static let escalation = #"""
        {{#place}}{{place}}, {{/place}}{{date}}

        To: {{addressee.name}}
        From: {{sender.name}}{{#via}}, through {{name}}{{/via}}
        Subject: {{subject}}

        Dear Sir or Madam,

        We turn to you {{#hasLetters}}because {{below.name}}{{#addresseeIsAbove}}, which answers to you,{{/addresseeIsAbove}} has not answered our letter{{^oneLetter}}s{{/oneLetter}}{{/hasLetters}}{{^hasLetters}}{{#owesSupply}}because {{below.name}}{{#addresseeIsAbove}}, which answers to you,{{/addresseeIsAbove}} has not delivered all that is owed{{/owesSupply}}{{^owesSupply}}about {{below.name}}{{#addresseeIsAbove}}, which answers to you{{/addresseeIsAbove}}{{/owesSupply}}{{/hasLetters}}.{{#petition}} On {{opened}} {{petitioner}} petitioned it: "{{subject}}".{{/petition}}
        {{#hasLetters}}

        {{#oneLetter}}This letter of ours has had no answer:{{/oneLetter}}{{^oneLetter}}These letters of ours have had no answer:{{/oneLetter}}
        {{#letters}}
        - the letter of {{date}} to {{to}} ("{{subject}}"), unanswered for {{waited}}{{#overdue}}, {{late}} past due (a reply was due on {{due}}){{/overdue}}{{^overdue}}; a reply is due on {{due}}{{/overdue}}{{#last}}.{{/last}}{{^last}};{{/last}}
        {{/letters}}
        {{/hasLetters}}
        {{#owesSupply}}

        The deliveries of {{periods}} under the {{decrees}} have not been made in full:
        {{#deliveries}}
        - {{period}}: {{owing}}, due on {{due}}, {{late}} late;
        {{/deliveries}}
        in all, what is owed to {{sender.name}} comes to {{owed}}.
        {{/owesSupply}}

        Please see that {{below.name}} replies{{#owesSupply}} and delivers what is owed under the {{decrees}}{{/owesSupply}}, and tell us what you have done.

        Yours faithfully,

        {{#signature}}{{signature}}{{/signature}}{{^signature}}[signature]{{/signature}}
        {{#via}}{{name}}, for {{/via}}{{sender.name}}

        """#

    /// `config/templates/digest.mustache`.
    public static let digest = #"""
        {{#place}}{{place}}, {{/place}}{{date}}

        To: {{addressee.name}}
        From: {{sender.name}}
        Subject: {{subject}}

        Dear Sir or Madam,

        This letter lists everything that is overdue from you as of {{date}}.
        {{#hasLetters}}

        Letters that have had no answer:
        {{#letters}}
        - the letter of {{date}} from {{from}} ("{{subject}}"), unanswered for {{waited}}{{#overdue}}, {{late}} past due (a reply was due on {{due}}){{/overdue}}{{#last}}.{{/last}}{{^last}};{{/last}}
        {{/letters}}
        {{/hasLetters}}
        {{#owesSupply}}

        Deliveries under the {{decrees}} that have not been made in full:
        {{#deliveries}}
        - {{period}}, for {{recipient}}: {{owing}}, due on {{due}}, {{late}} late;
        {{/deliveries}}
        in all, what is owed comes to {{owed}}.
        {{/owesSupply}}

        Please {{#hasLetters}}answer each of these letters{{#owesSupply}} and {{/owesSupply}}{{/hasLetters}}{{#owesSupply}}send what is owed{{/owesSupply}}, or tell us in writing why you cannot, and who can.

        Yours faithfully,

        {{#signature}}{{signature}}{{/signature}}{{^signature}}[signature]{{/signature}}
        {{sender.name}}

        """#
}
