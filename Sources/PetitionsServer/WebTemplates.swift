/// The web application's Mustache templates. `{{x}}` is escaped; `{{{body}}}` only ever holds a page already
/// rendered (and so escaped) by these templates.
enum WebTemplates {
    static let all: [String: String] = [
        "layout": layout, "field": field, "form": form, "login": login, "dashboard": dashboard, "petitions": petitions,
        "petition": petition, "new-petition": newPetition, "deliveries": deliveries, "users": users, "report": report,
        "message": message, "search": search, "overdue": overdue, "unanswered": unanswered, "overdue-table": overdueTable,
        "waiting-table": waitingTable, "pager": pager, "letters": letters, "events": events, "void-mark": voidMark,
    ].merging(parties) { page, _ in page }

    /// Beside a voided letter's subject in the letters' tables: it counts for nothing (not a state of its answer).
    static let voidMark = "{{#voided}} <strong class=\"void\">(voided: counts for nothing)</strong>{{/voided}}"

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · petitions</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <header class="site">
        <p class="brand"><a href="/">petitions</a> <span class="office">{{ledger}}</span></p>
        {{#user}}
        <form method="get" action="/search" class="search" role="search"><label for="site-search">Search</label>
        <input id="site-search" name="q" type="search"> <button type="submit">Search</button></form>
        <nav aria-label="Main"><ul>
        <li><a href="/{{asOfQuery}}">Dashboard</a></li><li><a href="/petitions">Petitions</a></li><li><a href="/parties">Parties</a></li><li><a href="/letters">Letters</a></li>
        <li><a href="/deliveries{{asOfQuery}}">Deliveries</a></li><li><a href="/events">Events</a></li><li><a href="/report{{asOfQuery}}">Report</a></li>{{#admin}}<li><a href="/admin/users">Users</a></li>{{/admin}}
        </ul></nav>
        <form method="post" action="/logout" class="logout"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <span>{{name}} ({{role}})</span> <button type="submit">Log out</button></form>
        {{/user}}
        </header>
        <main>
        {{#heading}}<h1>{{title}}</h1>{{/heading}}
        {{#notices}}<p class="notice" role="status">{{.}}</p>
        {{/notices}}{{#alert}}<p class="error" role="alert">{{alert}}</p>
        {{/alert}}
        {{{body}}}
        </main>
        </body>
        </html>

        """

    /// One labelled input, select or text area, with its error beside it.
    static let field = """
        <p class="field{{#error}} invalid{{/error}}"><label for="{{id}}">{{label}}</label>
        {{#select}}<select id="{{id}}" name="{{name}}"{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{#options}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{text}}</option>{{/options}}</select>{{/select}}
        {{#area}}<textarea id="{{id}}" name="{{name}}" rows="3"{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{value}}</textarea>{{/area}}
        {{#checkbox}}<input id="{{id}}" name="{{name}}" type="checkbox"{{#checked}} checked{{/checked}}>{{/checkbox}}
        {{#file}}<input id="{{id}}" name="{{name}}" type="file"{{#required}} required{{/required}}{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{/file}}
        {{#input}}<input id="{{id}}" name="{{name}}" type="{{type}}" value="{{value}}"{{#required}} required{{/required}}{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{/input}}
        {{#hint}}<small>{{hint}}</small>{{/hint}}
        {{#error}}<strong class="error" id="{{id}}-error">{{error}}</strong>{{/error}}</p>

        """

    static let form = """
        <form method="{{method}}" action="{{action}}" class="record"{{#enctype}} enctype="{{enctype}}"{{/enctype}}>
        {{#legend}}<h2>{{legend}}</h2>{{/legend}}
        {{#formError}}<p class="error" role="alert">{{formError}}</p>{{/formError}}
        {{#post}}<input type="hidden" name="csrf_token" value="{{csrf}}">{{/post}}{{#formToken}}<input type="hidden" name="form_token" value="{{formToken}}">{{/formToken}}
        {{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
        {{#fields}}{{> field}}{{/fields}}
        <p><button type="submit">{{submit}}</button></p>
        </form>

        """

    static let login = """
        {{#ended}}<p class="notice" role="status">{{ended}}</p>{{/ended}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{> form}}

        """

    static let message = """
        <p>{{text}}</p>
        {{#link}}<p><a href="{{href}}">{{label}}</a></p>{{/link}}

        """

    static let dashboard = """
        <form method="get" action="/" class="asof">
        \(asOfField)</form>
        {{^refused}}<dl class="cards">
        <div class="card"><dt>Overdue deliveries</dt><dd>{{overdueCount}}</dd></div>
        <div class="card"><dt>Letters waiting</dt><dd>{{waitingCount}}</dd></div>
        <div class="card"><dt>Open petitions</dt><dd>{{openCount}}</dd></div>
        </dl>
        <h2>Overdue deliveries</h2>
        {{#hasOverdue}}{{#overdueShown}}<p class="shown">{{text}}{{#more}} · <a href="{{href}}">all of them, page by page</a>{{/more}}</p>{{/overdueShown}}{{/hasOverdue}}
        {{{overdueTable}}}
        <h2>Letters waiting for a reply</h2>
        {{#hasWaiting}}{{#waitingShown}}<p class="shown">{{text}}{{#more}} · <a href="{{href}}">all of them, page by page</a>{{/more}}</p>{{/waitingShown}}{{/hasWaiting}}
        {{{waitingTable}}}
        <h2>Petitions by status</h2>
        {{#current}}<ul class="statuses">{{#statuses}}<li><a href="/petitions?status={{status}}">{{status}}</a>: {{count}}</li>{{/statuses}}</ul>{{/current}}
        {{^current}}<p class="shown">Counted as of {{asOf}}: the petitions opened by then, each with the status it had that day \
        (<a href="/petitions">the petitions page</a> lists them with their status today).</p>
        <ul class="statuses">{{#statuses}}<li>{{status}}: {{count}}</li>{{/statuses}}</ul>{{/current}}{{/refused}}

        """

    /// The as-of day field of the dashboard and the listings: what was typed, and a refused day's sentence beside it.
    static let asOfField = """
        <label for="as_of">As of</label> <input id="as_of" name="as_of" type="date" value="{{asOf}}"{{#asOfError}} aria-invalid="true" \
        aria-describedby="as_of-error"{{/asOfError}}> <button type="submit">Show</button>\
        {{#asOfError}} <strong class="error" id="as_of-error">{{asOfError}}</strong>{{/asOfError}}
        """

    /// The overdue deliveries' table (the dashboard's first rows, or a page of `/overdue`).
    static let overdueTable = """
        {{#hasOverdue}}<div class="scroll"><table><thead><tr><th>Recipient</th><th>Decree</th><th>Period</th><th>Days late</th><th>Severity</th><th>Short</th></tr></thead><tbody>
        {{/hasOverdue}}{{#overdue}}<tr><td><a href="{{recipientPath}}">{{recipientName}}</a></td><td>{{decree}}</td><td>{{period}}</td><td>{{daysOverdue}}</td><td class="sev {{severity}}">{{severity}}</td><td>{{shortfall}}</td></tr>
        {{/overdue}}{{#hasOverdue}}</tbody></table></div>{{/hasOverdue}}{{^overdue}}<p class="calm">No delivery is overdue.</p>{{/overdue}}

        """

    /// The letters waiting for a reply (the dashboard's first rows, or a page of `/unanswered`).
    static let waitingTable = """
        {{#hasWaiting}}<div class="scroll"><table><thead><tr><th>Sent</th><th>From</th><th>To</th><th>Subject</th><th>Due</th><th>Severity</th></tr></thead><tbody>
        {{/hasWaiting}}{{#waiting}}<tr><td>{{sent}}</td><td><a href="{{fromPath}}">{{fromName}}</a></td><td><a href="{{toPath}}">{{toName}}</a></td><td>{{#petition}}<a href="/petitions/{{petition}}">{{subject}}</a>{{/petition}}{{^petition}}{{subject}}{{/petition}}</td><td>{{due}}</td><td class="sev {{severity}}">{{severity}}</td></tr>
        {{/waiting}}{{#hasWaiting}}</tbody></table></div>{{/hasWaiting}}{{^waiting}}<p class="calm">No letter is waiting for a reply.</p>{{/waiting}}

        """

    /// Where a page of a long table is: "Rows 101–200 of 12,926" and links to the other pages.
    static let pager = """
        {{#pager}}<nav class="pager" aria-label="Pages"><p>{{summary}}</p>{{#first}}<a href="{{first}}">First</a> {{/first}}{{#prev}}<a href="{{prev}}" rel="prev">Previous</a> {{/prev}}{{#next}}<a href="{{next}}" rel="next">Next</a> {{/next}}{{#last}}<a href="{{last}}">Last</a>{{/last}}</nav>{{/pager}}

        """

    /// A day field to look as of another day, for the page at `action`.
    static let asOfForm = """
        <form method="get" action="{{action}}" class="asof">
        \(asOfField)</form>

        """

    static let overdue =
        asOfForm + "{{^refused}}{{#hasOverdue}}{{> pager}}{{/hasOverdue}}\n{{> overdue-table}}\n"
        + "{{#hasOverdue}}{{> pager}}{{/hasOverdue}}\n{{/refused}}"

    static let unanswered =
        asOfForm + "{{^refused}}{{#hasWaiting}}{{> pager}}{{/hasWaiting}}\n{{> waiting-table}}\n"
        + "{{#hasWaiting}}{{> pager}}{{/hasWaiting}}\n{{/refused}}"

    static let petitions = """
        <form method="get" action="/petitions" class="filters">
        {{#fields}}{{> field}}{{/fields}}<p><button type="submit">Filter</button></p></form>
        {{#mayRecord}}<p><a class="button" href="/petitions/new">Log a petition</a></p>{{/mayRecord}}
        {{#hasRows}}{{> pager}}<div class="scroll"><table><thead><tr><th>ID</th><th>Opened</th><th>Status</th><th>From</th><th>Via</th><th>To</th><th>Subject</th></tr></thead><tbody>
        {{/hasRows}}{{#rows}}<tr><td><a href="/petitions/{{id}}">{{id}}</a></td><td>{{opened}}</td><td>{{status}}</td><td><a href="{{petitionerPath}}">{{petitionerName}}</a></td><td>{{#via}}<a href="{{handlePath}}">{{name}}</a>{{/via}}</td><td><a href="{{authorityPath}}">{{authorityName}}</a></td><td><a href="/petitions/{{id}}">{{subject}}</a></td></tr>
        {{/rows}}{{#hasRows}}</tbody></table></div>{{/hasRows}}{{^refused}}{{^rows}}<p>No petition matches.</p>{{/rows}}{{/refused}}
        {{#hasRows}}{{> pager}}{{/hasRows}}

        """

    /// The letters, a page at a time, with their filters.
    static let letters = """
        <form method="get" action="/letters" class="filters">
        {{#fields}}{{> field}}{{/fields}}<p><button type="submit">Filter</button></p></form>
        {{#hasRows}}{{> pager}}<div class="scroll"><table><thead><tr><th>ID</th><th>Day</th><th>Direction</th><th>From</th><th>To</th><th>Subject</th><th>Reply due</th><th>Answered</th></tr></thead><tbody>
        {{/hasRows}}{{#rows}}<tr{{#voided}} class="voided"{{/voided}}><td>{{id}}</td><td>{{on}}</td><td>{{direction}}</td><td><a href="{{fromPath}}">{{fromName}}</a></td><td><a href="{{toPath}}">{{toName}}</a></td><td>{{#petition}}<a href="/petitions/{{petition}}">{{subject}}</a>{{/petition}}{{^petition}}{{subject}}{{/petition}}{{> void-mark}}</td><td>{{replyDue}}</td><td>{{answered}}</td></tr>
        {{/rows}}{{#hasRows}}</tbody></table></div>{{> pager}}{{/hasRows}}{{^refused}}{{^rows}}<p>No letter matches.</p>{{/rows}}{{/refused}}
        {{#forms}}{{> form}}{{/forms}}

        """

    /// The event log, newest first, a page at a time, with its filters.
    static let events = """
        <form method="get" action="/events" class="filters">
        {{#fields}}{{> field}}{{/fields}}<p><button type="submit">Filter</button></p></form>
        {{#hasRows}}{{> pager}}<div class="scroll"><table><thead><tr><th>Day</th><th>Kind</th><th>What happened</th><th>By</th></tr></thead><tbody>
        {{/hasRows}}{{#rows}}<tr><td>{{day}}</td><td>{{kind}}</td><td>{{#petition}}<a href="/petitions/{{petition}}">{{summary}}</a>{{/petition}}{{^petition}}{{summary}}{{/petition}}</td><td>{{actor}}</td></tr>
        {{/rows}}{{#hasRows}}</tbody></table></div>{{> pager}}{{/hasRows}}{{^refused}}{{^rows}}<p>No event matches.</p>{{/rows}}{{/refused}}

        """

    static let newPetition = """
        <p class="formats">The handles of petitioners, groups and authorities are on the <a href="/parties">Parties</a> page; a new one is added \
        there first (<a href="/parties/new?kind=petitioner">a petitioner</a>, <a href="/parties/new?kind=group">a group</a>, \
        <a href="/parties/new?kind=authority">an authority</a>).</p>
        {{> form}}

        """

    static let petition = """
        <dl class="facts">
        <dt>From</dt><dd><a href="{{petitionerPath}}">{{petitionerName}}</a>{{#via}} via <a href="{{viaPath}}">{{viaName}}</a>{{/via}}</dd>
        <dt>To</dt><dd><a href="{{authorityPath}}">{{authorityName}}</a></dd>
        <dt>Opened</dt><dd>{{opened}}</dd><dt>Status</dt><dd>{{status}}</dd>{{#category}}<dt>Category</dt><dd>{{category}}</dd>{{/category}}
        </dl>
        <h2>Letters</h2>
        {{#hasLetters}}<div class="scroll"><table><thead><tr><th>ID</th><th>Day</th><th>Direction</th><th>From</th><th>To</th><th>Subject</th><th>Reply due</th><th>Answered</th></tr></thead><tbody>
        {{/hasLetters}}{{#letters}}<tr{{#voided}} class="voided"{{/voided}}><td>{{id}}</td><td>{{on}}</td><td>{{direction}}</td><td>{{fromName}}</td><td>{{toName}}</td><td>{{subject}}{{> void-mark}}</td><td>{{replyDue}}</td><td>{{answered}}</td></tr>
        {{/letters}}{{#hasLetters}}</tbody></table></div>{{/hasLetters}}{{^letters}}<p>No letter yet.</p>{{/letters}}
        <h2>Case notes</h2>
        {{#hasNotes}}<ul class="notes">{{/hasNotes}}{{#notes}}<li><span class="day">{{on}}</span> {{text}}{{#statusTo}} <small class="status-note">(with the status change {{#statusFrom}}from {{statusFrom}} {{/statusFrom}}to {{statusTo}}{{#recordedBy}}, recorded by {{recordedBy}}{{/recordedBy}})</small>{{/statusTo}}</li>{{/notes}}{{#hasNotes}}</ul>{{/hasNotes}}{{^notes}}<p>No note yet.</p>{{/notes}}
        <h2>Attachments</h2>
        {{#hasAttachments}}<div class="scroll"><table><thead><tr><th>ID</th><th>Of</th><th>File</th><th>Title</th><th>Type</th><th>Size (bytes)</th><th>Added</th></tr></thead><tbody>
        {{/hasAttachments}}{{#attachments}}<tr><td>{{id}}</td><td>{{of}}</td><td><a href="/attachments/{{id}}" download>{{name}}</a></td><td>{{title}}</td><td>{{mediaType}}</td><td>{{size}}</td><td>{{added}}</td></tr>
        {{/attachments}}{{#hasAttachments}}</tbody></table></div>{{/hasAttachments}}{{^attachments}}<p>No file attached.</p>{{/attachments}}
        <h2>Events</h2>
        <ol class="events">{{#events}}<li><span class="day">{{day}}</span> {{summary}} <small>({{kind}}, by {{actor}})</small></li>{{/events}}</ol>
        {{#forms}}{{> form}}{{/forms}}

        """

    /// The search page: the box with what was typed (and the error beside it), then the results. `{{{snippet}}}` is
    /// HTML that `Web.marked` made from escaped text.
    static let search = """
        <form method="get" action="/search" class="filters" role="search">
        {{#fields}}{{> field}}{{/fields}}<p><button type="submit">Search</button></p></form>
        {{#hasHits}}<div class="scroll"><table><thead><tr><th>Kind</th><th>Title</th><th>Day</th><th>Snippet</th></tr></thead><tbody>
        {{/hasHits}}{{#hits}}<tr><td>{{kind}}</td><td>{{#href}}<a href="{{href}}">{{title}}</a>{{/href}}{{^href}}{{title}}{{/href}}</td><td>{{day}}</td><td class="snippet">{{{snippet}}}</td></tr>
        {{/hits}}{{#hasHits}}</tbody></table></div>{{/hasHits}}{{#searched}}{{^hits}}<p>Nothing matches.</p>{{/hits}}{{/searched}}

        """

    static let deliveries =
        asOfForm + """
            {{^refused}}<h2>Overdue first</h2>
            {{#hasRows}}{{> pager}}<div class="scroll"><table><thead><tr><th>ID</th><th>Recipient</th><th>Decree</th><th>Period</th><th>Due</th><th>Status</th><th>Expected</th><th>Received</th><th>Short</th><th>Receipts</th></tr></thead><tbody>
            {{/hasRows}}{{#rows}}<tr{{#late}} class="late"{{/late}}><td><a href="/deliveries/{{id}}">{{id}}</a></td><td><a href="{{recipientPath}}">{{recipientName}}</a></td><td>{{decree}}</td><td>{{period}}</td><td>{{due}}</td><td>{{status}}{{#late}} (overdue){{/late}}</td><td>{{expected}}</td><td>{{received}}</td><td>{{shortfall}}</td><td><a href="/deliveries/{{id}}">receipts</a></td></tr>
            {{/rows}}{{#hasRows}}</tbody></table></div>{{> pager}}{{/hasRows}}{{^rows}}<p>No delivery is scheduled.</p>{{/rows}}{{/refused}}
            {{#forms}}{{> form}}{{/forms}}

            """

    static let users = """
        <div class="scroll"><table><thead><tr><th>Name</th><th>Role</th><th>Disabled</th><th>Created</th></tr></thead><tbody>
        {{#rows}}<tr><td>{{name}}</td><td>{{role}}</td><td>{{disabled}}</td><td>{{created}}</td></tr>
        {{/rows}}</tbody></table></div>
        {{#generated}}<p class="urgent"><span class="label">Shown once</span>The password of {{user}} is <code>{{password}}</code>.</p>{{/generated}}
        {{#forms}}{{> form}}{{/forms}}

        """

    static let report = """
        <p class="formats">Also as {{#formats}}<a href="/report?format={{.}}{{kept}}">{{.}}</a> {{/formats}}
        and CSV by section: {{#sections}}<a href="/report?format=csv&amp;section={{.}}{{kept}}">{{.}}</a> {{/sections}}</p>
        <p class="formats"><a href="/">Dashboard</a> · <a href="/petitions">Petitions</a> · <a href="/deliveries">Deliveries</a></p>
        <form method="get" action="/search" class="search" role="search"><label for="site-search">Search</label>
        <input id="site-search" name="q" type="search"> <button type="submit">Search</button></form>

        """
}
