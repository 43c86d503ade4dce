/// `docs/openapi.yaml`, served at `/api/v1/openapi.yaml`; a test keeps the two the same.
enum OpenAPIDocument {
    static let text = paths + "\n" + components

    /// The document up to its paths and their operations.
    static let paths = #"""
        openapi: 3.1.0
        info:
          title: petitions office server
          version: "1"
          description: >
            The JSON API of `petitions serve`. Objects and keys are those of the matching command's `--format json`;
            request bodies use the command's option names in snake_case. Every request but health and this document
            needs `Authorization: Bearer TOKEN` (make one with `petitions user token NAME`). Readers read; clerks also
            record; admins also manage users. Every error answers `{"error": SENTENCE, "field": NAME}` and changes nothing;
            a method an address does not take is 405 with `Allow`; a body sent as anything but `application/json` (a
            `charset` allowed), or with a `Content-Encoding`, is 415. A body must be strict JSON: a comma before `}` or `]`, a key given twice, or a boolean
            written as anything but `true` or `false` is 400 naming the field; a query key given twice is 400 naming it. A
            request naming a record that does not exist (an unknown handle in a body or a filter) is 400 with the command's
            sentence, the options it names written as the request's fields (`on`, not `--on`); one in the path is 404. A listing answers one
            page at a time, in the command's order: `limit` rows (default 100, at most 1000) from row `offset` (0 the
            first); the body is the array the command prints, `X-Total-Count` the rows of the whole listing, and `Link` the
            first, prev, next and last pages (RFC 8288). An id in the path is written as ids are (`7`, not `07` or `+7`: 404);
            in a body it is a JSON number written so (`7`, not `7.0`, `7e0` or `"7"`: 400), and a list is a JSON array.
            A path segment is percent-decoded once (`%31` is `1`); text that is not UTF-8, in the path, the query or
            the body, is 400 naming the field.
            A request's body that comes too slowly (after 20 seconds, under 500 bytes a second) is 408 and the connection
            is closed. Any operation may answer 414 to an address (path and query) over 8 KiB, and 431 to headers over
            80 KiB together with the address or over 1,000 of them.
        servers:
          - url: /api/v1
        security:
          - bearer: []
        paths:
          /health:
            get:
              summary: Whether the server is up.
              security: []
              responses:
                "200": {description: Up., content: {application/json: {schema: {type: object, required: [status], properties: {status: {const: ok}}}}}}
                "414": {$ref: "#/components/responses/AddressTooLong"}
                "431": {$ref: "#/components/responses/HeadersTooLarge"}
          /openapi.yaml:
            get:
              summary: This document.
              security: []
              responses:
                "200": {description: The OpenAPI document., content: {application/yaml: {schema: {type: object}}}}
                "414": {$ref: "#/components/responses/AddressTooLong"}
                "431": {$ref: "#/components/responses/HeadersTooLarge"}
          /overdue:
            get:
              summary: Late deliveries as of a day, as `overdue --format json`, a page at a time.
              parameters: [{$ref: "#/components/parameters/as_of"}, {$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/offset"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /unanswered:
            get:
              summary: Letters waiting for a reply as of a day, as `unanswered --format json`, a page at a time.
              parameters: [{$ref: "#/components/parameters/as_of"}, {$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/offset"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /check:
            get:
              summary: Every finding of every rule as of a day, as `check --format json`; `findings` holds one page of them.
              parameters: [{$ref: "#/components/parameters/as_of"}, {$ref: "#/components/parameters/limit"}, {$ref: "#/components/parameters/offset"}]
              responses: {"200": {$ref: "#/components/responses/PageInObject"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /report:
            get:
              summary: The status report, as `report --format F [--section S]`.
              parameters:
                - {$ref: "#/components/parameters/as_of"}
                - {name: format, in: query, description: "Empty is json.", schema: {type: string, enum: ["", json, html, markdown, csv, text], default: json}}
                - {name: section, in: query, description: "The table for format csv (required with it).", schema: {type: string}}
                - {name: since, in: query, description: "Only what happened from this day on, as `report --since`.", schema: {$ref: "#/components/schemas/DayOrEmpty"}}
                - {name: authority, in: query, description: "Only this authority's letters and supply, as `report --authority`.", schema: {type: string}}
                - {name: recipient, in: query, description: "Only this recipient's supply and letters, as `report --recipient`.", schema: {type: string}}
                - {name: decree, in: query, description: "Only this decree's supply, as `report --decree`.", schema: {type: string}}
                - {name: redact, in: query, description: "Names of persons as initials, as `report --redact`: true or false (empty).", schema: {type: string, enum: ["", "true", "false"]}}
              responses:
                "200":
                  description: The report.
                  content:
                    application/json: {schema: {type: object}}
                    text/html: {schema: {type: string, description: "The command's page byte for byte; this answer's Content-Security-Policy allows its inline style by its SHA-256."}}
                    text/markdown: {schema: {type: string}}
                    text/csv: {schema: {type: string}}
                    text/plain: {schema: {type: string}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Error"}
                "414": {$ref: "#/components/responses/AddressTooLong"}
                "431": {$ref: "#/components/responses/HeadersTooLarge"}
          /petitions:
            get:
              summary: Petitions, oldest first, as `petition list --format json`.
              parameters:
                - {name: status, in: query, description: "Empty is every status.", schema: {type: string, enum: ["", open, waiting_on_petitioner, answered, resolved, rejected, withdrawn]}}
                - {name: party, in: query, description: "Only petitions from, to or via this handle.", schema: {type: string}}
                - {name: search, in: query, description: "Only petitions the search matches (as the search command reads it).", schema: {type: string}}
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/offset"}
              responses: {"200": {$ref: "#/components/responses/Page"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
            post:
              summary: Log a petition, as `petition log`; answers the petition as `petition show --format json`.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [from, to, subject, "on"]
                      properties:
                        from: {type: string, description: "The petitioner: a person or group (handle or id)."}
                        to: {type: string, description: "The authority petitioned (handle or id)."}
                        via: {type: [string, "null"]}
                        subject: {type: string}
                        "on": {$ref: "#/components/schemas/Day"}
                        category: {type: [string, "null"]}
              responses: {"201": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /petitions/{id}:
            get:
              summary: A petition with its letters and events, as `petition show --format json`.
              parameters: [{$ref: "#/components/parameters/id"}]
              responses: {"200": {$ref: "#/components/responses/Object"}, "401": {$ref: "#/components/responses/Error"}, "404": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /petitions/{id}/status:
            post:
              summary: Change a petition's status, as `petition status`.
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [to, "on"]
                      properties:
                        to: {type: string, enum: [open, waiting_on_petitioner, answered, resolved, rejected, withdrawn]}
                        "on": {$ref: "#/components/schemas/Day"}
                        note: {type: [string, "null"], maxLength: 20000}
              responses: {"200": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "404": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /petitions/{id}/notes:
            post:
              summary: Write a case note on a petition, as `petition note`.
              parameters: [{$ref: "#/components/parameters/id"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [text]
                      properties:
                        text: {type: string, minLength: 1, maxLength: 20000, description: "At most 20,000 characters, as a note, summary or reason."}
                        "on": {$ref: "#/components/schemas/DayOrEmpty"}
              responses: {"201": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "404": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /letters:
            get:
              summary: Letters, as `letter list --format json`.
              parameters:
                - {name: petition, in: query, description: "Empty is every petition.", schema: {anyOf: [{type: integer, minimum: 1}, {type: string, maxLength: 0}]}}
                - {name: party, in: query, schema: {type: string}}
                - {name: waiting, in: query, description: "true, or false (empty).", schema: {type: string, enum: ["", "true", "false"]}}
                - {name: search, in: query, schema: {type: string}}
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/offset"}
              responses: {"200": {$ref: "#/components/responses/Page"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
            post:
              summary: Record a letter sent (as `letter send`) or received (as `letter receive`); answers it as `letter show --format json`.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [direction, from, to, "on", subject]
                      properties:
                        direction: {type: string, enum: [sent, received]}
                        from: {type: string}
                        to: {type: string}
                        "on": {$ref: "#/components/schemas/Day"}
                        subject: {type: string}
                        petition: {type: [integer, "null"], minimum: 1}
                        in_reply_to: {type: [integer, "null"], minimum: 1, description: "Received letters only."}
                        reply_within: {type: [string, "null"], description: "Sent letters only, e.g. '20 working days'."}
                        no_reply_expected: {type: boolean, description: "Sent letters only."}
                        channel: {type: string, enum: [post, telegraph, courier, in-person], default: post}
                        summary: {type: [string, "null"], maxLength: 20000}
              responses: {"201": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /letters/{id}:
            get:
              summary: A letter, as `letter show --format json`.
              parameters: [{$ref: "#/components/parameters/id"}]
              responses: {"200": {$ref: "#/components/responses/Object"}, "401": {$ref: "#/components/responses/Error"}, "404": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /letters/{id}/attachments:
            post:
              summary: Attach a file to a letter, as `attach --letter ID`; answers the attachment as `attachment list --format json` gives it.
              description: >
                The request's body is the file, byte for byte (`curl --data-binary @FILE`), with `name` giving its file name; or a
                `multipart/form-data` form (`curl -F file=@FILE`) whose one file part is the file, named by the part's filename
                unless `name` is given. At most `max_attachment_mb` of the ledger's configuration (413 past it, naming the size
                when `Content-Length` says it, and read no further). Its media type is read from its bytes. A form with no file
                part, two, or a text field is 400 naming the field; another multipart body, a part that is itself multipart or
                sent base64 (`Content-Transfer-Encoding`), or a body with a `Content-Encoding` is 415.
              parameters:
                - {$ref: "#/components/parameters/id"}
                - {name: name, in: query, description: "The file's name, without a folder: needed for a raw body; a form's file is named by its filename unless given.", schema: {type: string, minLength: 1, maxLength: 255}}
                - {name: title, in: query, schema: {type: string}}
                - {name: "on", in: query, description: "The day it was attached (default today).", schema: {$ref: "#/components/schemas/Day"}}
              requestBody:
                required: true
                content:
                  application/octet-stream:
                    schema: {type: string, format: binary}
                  multipart/form-data:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [file]
                      properties:
                        file: {type: string, format: binary, description: "The file, as a part with a filename."}
              responses: {"201": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "404": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /attachments/{id}:
            get:
              summary: An attachment's bytes, as `attachment get`, with their media type and `Content-Disposition` naming the file.
              parameters: [{$ref: "#/components/parameters/id"}]
              responses:
                "200":
                  description: The file, byte for byte, with the media type read from its bytes when it was attached (application/pdf, image/png, text/plain, ... or application/octet-stream).
                  headers:
                    Content-Disposition: {description: "attachment; filename=\"NAME\"; filename*=UTF-8''NAME (RFC 6266)", schema: {type: string}}
                  content:
                    "*/*":
                      schema: {type: string, format: binary}
                "401": {$ref: "#/components/responses/Error"}
                "404": {$ref: "#/components/responses/Error"}
                "414": {$ref: "#/components/responses/AddressTooLong"}
                "431": {$ref: "#/components/responses/HeadersTooLarge"}
          /deliveries:
            get:
              summary: Deliveries, as `delivery list --format json`.
              parameters:
                - {name: period, in: query, description: "Empty is every period.", schema: {anyOf: [{$ref: "#/components/schemas/Period"}, {type: string, maxLength: 0}]}}
                - {name: status, in: query, description: "Empty is every status.", schema: {type: string, enum: ["", pending, partial, complete, cancelled]}}
                - {name: decree, in: query, schema: {type: string}}
                - {name: recipient, in: query, schema: {type: string}}
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/offset"}
              responses: {"200": {$ref: "#/components/responses/Page"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /receipts:
            post:
              summary: Record a receipt against a delivery, as `delivery receive`; answers the delivery as `delivery show --format json`.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [decree, recipient, period, "on", quantity]
                      properties:
                        decree: {type: string}
                        recipient: {type: string}
                        period: {$ref: "#/components/schemas/Period"}
                        "on": {$ref: "#/components/schemas/Day"}
                        quantity: {type: array, items: {type: string, description: "AMOUNT UNIT COMMODITY, e.g. '500 funt wheat'"}}
                        note: {type: [string, "null"], maxLength: 20000}
              responses: {"201": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /parties:
            get:
              summary: Parties (authorities, groups, petitioners, offices), as the `list --format json` of each kind.
              parameters:
                - {name: kind, in: query, description: "Empty is every kind.", schema: {type: string, enum: ["", petitioner, group, authority, office]}}
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/offset"}
              responses: {"200": {$ref: "#/components/responses/Page"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /parties/{handle}:
            get:
              summary: A party by handle or id, as `show --format json`.
              parameters: [{name: handle, in: path, required: true, schema: {type: string}}]
              responses: {"200": {$ref: "#/components/responses/Object"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "404": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /petitioners:
            post:
              summary: Record a petitioner (a person), as `petitioner add`.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [name]
                      properties:
                        name: {type: string}
                        handle: {type: [string, "null"]}
                        district: {type: [string, "null"]}
                        occupation: {type: [string, "null"]}
                        group: {type: array, items: {type: string}}
                        dependant: {type: array, items: {type: string, description: "NAME:CATEGORY"}}
                        "on": {$ref: "#/components/schemas/DayOrEmpty"}
              responses: {"201": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "409": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /groups:
            post:
              summary: Record a group, as `group add`.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [name]
                      properties:
                        name: {type: string}
                        handle: {type: [string, "null"]}
                        district: {type: [string, "null"]}
                        count: {type: array, items: {type: string, description: "CATEGORY=N"}}
                        "on": {$ref: "#/components/schemas/DayOrEmpty"}
              responses: {"201": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "409": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /authorities:
            post:
              summary: Record an authority, as `authority add`.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      required: [name]
                      properties:
                        name: {type: string}
                        handle: {type: [string, "null"]}
                        parent: {type: [string, "null"]}
                        reply_within: {type: [string, "null"]}
                        "on": {$ref: "#/components/schemas/DayOrEmpty"}
              responses: {"201": {$ref: "#/components/responses/Recorded"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "403": {$ref: "#/components/responses/Error"}, "409": {$ref: "#/components/responses/Error"}, "413": {$ref: "#/components/responses/Error"}, "415": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /search:
            get:
              summary: Parties, petitions, letters, case notes and attachments by the words of them, best first, as `search --format json`.
              description: >
                The best `limit` matches at once, not a page at a time: an `offset` other than 0 is 400 naming it (ask for more
                with `limit`).
              parameters:
                - {name: q, in: query, required: true, schema: {type: string, minLength: 1}}
                - {name: kind, in: query, description: "Empty is every kind.", schema: {type: string, enum: ["", party, petition, letter, note, attachment]}}
                - {name: limit, in: query, description: "Empty is the default.", schema: {anyOf: [{type: integer, minimum: 1, maximum: 10000}, {type: string, maxLength: 0}]}}
              responses: {"200": {$ref: "#/components/responses/List"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
          /events:
            get:
              summary: The event log, as `events --format json`.
              parameters:
                - {name: since, in: query, schema: {$ref: "#/components/schemas/DayOrEmpty"}}
                - {name: party, in: query, schema: {type: string}}
                - {name: petition, in: query, description: "Empty is every petition.", schema: {anyOf: [{type: integer, minimum: 1}, {type: string, maxLength: 0}]}}
                - {name: kind, in: query, schema: {type: string}}
                - {$ref: "#/components/parameters/limit"}
                - {$ref: "#/components/parameters/offset"}
              responses: {"200": {$ref: "#/components/responses/Page"}, "400": {$ref: "#/components/responses/Error"}, "401": {$ref: "#/components/responses/Error"}, "414": {$ref: "#/components/responses/AddressTooLong"}, "431": {$ref: "#/components/responses/HeadersTooLarge"}}
        """#
}
