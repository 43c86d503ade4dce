/// The templates of the parties' pages, a delivery's page and the correction forms (`Web+Parties`,
/// `Web+Corrections`). `{{x}}` is escaped.
extension WebTemplates {
    static let parties: [String: String] = [
        "parties": partyList, "party": party, "new-party": newParty, "edit-party": editParty, "delivery": delivery,
    ]

    /// Every party, a page at a time, with the kind filter and, for a clerk, the links to add one.
    static let partyList = """
        <form method="get" action="/parties" class="filters">
        {{#fields}}{{> field}}{{/fields}}<p><button type="submit">Filter</button></p></form>
        {{#mayRecord}}<p class="formats"><a class="button" href="/parties/new?kind=petitioner">Add a petitioner</a> \
        <a class="button" href="/parties/new?kind=group">Add a group</a> <a class="button" href="/parties/new?kind=authority">Add an authority</a></p>{{/mayRecord}}
        {{#hasRows}}{{> pager}}<div class="scroll"><table><thead><tr><th>Name</th><th>Handle</th><th>Kind</th><th>District</th><th>Details</th></tr></thead><tbody>
        {{/hasRows}}{{#rows}}<tr><td><a href="{{handlePath}}">{{name}}</a></td><td>{{handle}}</td><td>{{kind}}</td><td>{{district}}</td><td>{{details}}</td></tr>
        {{/rows}}{{#hasRows}}</tbody></table></div>{{> pager}}{{/hasRows}}{{^refused}}{{^rows}}<p>No party matches.</p>{{/rows}}{{/refused}}

        """

    /// One party: what `… show` prints, its petitions, a link to its events and, for a clerk, to correct it. The
    /// head-counts' two columns fit a narrow screen: that table does not scroll (`.scroll` tables are 42rem at least).
    static let party = """
        <dl class="facts"><dt>Handle</dt><dd>{{handle}}</dd><dt>Kind</dt><dd>{{kind}}</dd>
        {{#district}}<dt>District</dt><dd>{{district}}</dd>{{/district}}{{#occupation}}<dt>Occupation</dt><dd>{{occupation}}</dd>{{/occupation}}
        {{#parent}}<dt>Above it</dt><dd><a href="{{handlePath}}">{{name}}</a></dd>{{/parent}}
        {{#hasChain}}<dt>Chain above it</dt><dd>{{#chain}}{{sep}}<a href="{{handlePath}}">{{name}}</a>{{/chain}}</dd>{{/hasChain}}
        {{#replyWithin}}<dt>Replies within</dt><dd>{{replyWithin}}</dd>{{/replyWithin}}
        {{#address}}<dt>Address</dt><dd class="lines">{{address}}</dd>{{/address}}{{#phone}}<dt>Telephone</dt><dd>{{phone}}</dd>{{/phone}}
        {{#email}}<dt>E-mail</dt><dd>{{email}}</dd>{{/email}}{{#note}}<dt>Note</dt><dd class="lines">{{note}}</dd>{{/note}}
        {{#countTotal}}<dt>Heads</dt><dd>{{countTotal}}</dd>{{/countTotal}}</dl>
        {{#hasCounts}}<h2>Head-counts</h2>
        <table><thead><tr><th>Category</th><th>Heads</th></tr></thead><tbody>
        {{#counts}}<tr><td>{{category}}</td><td>{{count}}</td></tr>
        {{/counts}}<tr><th>Total</th><th>{{countTotal}}</th></tr></tbody></table>{{/hasCounts}}
        {{#isGroup}}<h2>Members</h2>
        {{#hasMembers}}<ul>{{#members}}<li><a href="{{handlePath}}">{{name}}</a> ({{handle}})</li>{{/members}}</ul>{{/hasMembers}}{{^hasMembers}}<p>No member.</p>{{/hasMembers}}{{/isGroup}}
        {{#isPerson}}<h2>Groups</h2>
        {{#hasGroups}}<ul>{{#groups}}<li><a href="{{handlePath}}">{{name}}</a> ({{handle}})</li>{{/groups}}</ul>{{/hasGroups}}{{^hasGroups}}<p>A member of no group.</p>{{/hasGroups}}
        <h2>Household</h2>
        {{#hasDependants}}<ul>{{#dependants}}<li>{{name}} ({{category}})</li>{{/dependants}}</ul>{{/hasDependants}}{{^hasDependants}}<p>No dependant.</p>{{/hasDependants}}{{/isPerson}}
        <h2>Petitions</h2>
        <ul>{{#petitions}}<li><a href="/petitions/{{id}}">{{id}}: {{subject}}</a> ({{status}})</li>{{/petitions}}</ul>{{^petitions}}<p>None.</p>{{/petitions}}
        <p class="formats"><a href="{{events}}">Its events</a>{{#mayCorrect}} · <a class="button" href="{{handlePath}}/edit">Correct this party</a>{{/mayCorrect}}</p>
        {{#forms}}{{> form}}{{/forms}}

        """

    /// The form to add a petitioner, a group or an authority, with links to the other two.
    static let newParty = """
        <p class="formats">{{#kinds}}{{#current}}<strong>{{title}}</strong>{{/current}}{{^current}}<a href="/parties/new?kind={{kind}}">{{title}}</a>{{/current}} · {{/kinds}}<a href="/parties">every party</a></p>
        {{> form}}

        """

    static let editParty = """
        <p class="formats"><a href="{{handlePath}}">Back to the party</a> · only what differs from what the ledger holds is corrected, in one event naming you.</p>
        {{> form}}

        """

    /// One delivery: what was due and what came, every receipt (a voided one marked), and the form to void one.
    static let delivery = """
        <dl class="facts"><dt>Recipient</dt><dd><a href="{{recipientPath}}">{{recipientName}}</a></dd>
        <dt>Supplier</dt><dd><a href="{{supplierPath}}">{{supplierName}}</a></dd><dt>Decree</dt><dd>{{decree}}</dd>
        <dt>Period</dt><dd>{{period}}</dd><dt>Due</dt><dd>{{due}}</dd><dt>Status</dt><dd>{{status}}</dd></dl>
        {{#cancelled}}<p class="notice">{{cancelled}}</p>{{/cancelled}}
        <h2>What was due and what came</h2>
        {{#hasLines}}<div class="scroll"><table><thead><tr><th>Commodity</th><th>Expected</th><th>Received</th><th>Short</th></tr></thead><tbody>
        {{/hasLines}}{{#lines}}<tr><td>{{commodity}}</td><td>{{expected}}</td><td>{{received}}</td><td>{{shortfall}}</td></tr>
        {{/lines}}{{#hasLines}}</tbody></table></div>{{/hasLines}}
        <h2>Receipts</h2>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#hasReceipts}}<div class="scroll"><table><thead><tr><th>ID</th><th>Received on</th><th>Quantities</th><th>Note</th><th>Voided</th></tr></thead><tbody>
        {{/hasReceipts}}{{#receipts}}<tr{{#voided}} class="voided"{{/voided}}><td>{{id}}</td><td>{{on}}</td><td>{{quantity}}</td><td>{{note}}</td><td>{{voidedWhy}}</td></tr>
        {{/receipts}}{{#hasReceipts}}</tbody></table></div>{{/hasReceipts}}{{^receipts}}<p>No receipt yet.</p>{{/receipts}}
        {{#forms}}{{> form}}{{/forms}}

        """
}
