extension OpenAPIDocument {
    /// The shared schemas, parameters and responses the paths refer to.
    static let components = #"""
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          parameters:
            as_of: {name: as_of, in: query, description: "The day to judge as of (default today; empty is the same).", schema: {$ref: "#/components/schemas/DayOrEmpty"}}
            id: {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
            limit:
              name: limit
              in: query
              description: "The most rows of the listing to answer (default 100, at most 1000; empty is the default)."
              schema: {anyOf: [{type: integer, minimum: 1, maximum: 1000}, {type: string, maxLength: 0}]}
            offset:
              name: offset
              in: query
              description: "The row to begin at, 0 the first (default 0; empty is 0). Past the last row, the page is empty."
              schema: {anyOf: [{type: integer, minimum: 0, maximum: 1000000000}, {type: string, maxLength: 0}]}
          schemas:
            Day: {type: string, format: date, pattern: "^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}$", description: "YYYY-MM-DD, years 1000 to 9999"}
            DayOrEmpty:
              description: A day, or empty (or null in a body) for none.
              anyOf: [{$ref: "#/components/schemas/Day"}, {type: string, maxLength: 0}, {type: "null"}]
            Period: {type: string, pattern: "^[1-9][0-9]{3}-(0[1-9]|1[0-2])$", description: "YYYY-MM"}
            Error:
              type: object
              additionalProperties: false
              required: [error, field]
              properties:
                error: {type: string, minLength: 1, description: One sentence naming the field and the value.}
                field: {type: [string, "null"], description: The request's key at fault, when one is.}
          responses:
            List: {description: The listing., content: {application/json: {schema: {type: array}}}}
            Page:
              description: >
                One page of the listing, in the command's order: an array of the objects the command prints. The rows of the
                whole listing are in X-Total-Count; Link gives the first, prev, next and last pages when there are others.
              headers:
                X-Total-Count: {$ref: "#/components/headers/X-Total-Count"}
                Link: {$ref: "#/components/headers/Link"}
              content: {application/json: {schema: {type: array}}}
            PageInObject:
              description: The object the command prints, its listing holding one page of it; X-Total-Count and Link as for a page.
              headers:
                X-Total-Count: {$ref: "#/components/headers/X-Total-Count"}
                Link: {$ref: "#/components/headers/Link"}
              content: {application/json: {schema: {type: object}}}
            Object: {description: The record., content: {application/json: {schema: {type: object}}}}
            Recorded:
              description: >
                The record, as the command prints it with `--format json`, and one more member, `warnings`: each sentence the
                command prints on stderr for the same record (a receipt over the quantity expected or dated after today, a
                reply from a party the letter was not written to, a letter from a party that is none of the petition's, a petition or a letter dated
                after today, a party whose handle, made from its name, was taken by someone of that name, a note
                dated before its petition was logged or after today, an attachment dated before its letter or after today;
                a change of status dated after today is refused);
                `[]` when there is none. The record is kept all the same.
              content:
                application/json:
                  schema:
                    type: object
                    required: [warnings]
                    properties:
                      warnings: {type: array, items: {type: string}}
            Error: {description: Refused; nothing changed., content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}}
            AddressTooLong:
              description: The address (path and query) is over 8 KiB; nothing changed. Any operation may answer it.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            HeadersTooLarge:
              description: >
                The headers are over 80 KiB together with the address, or over 1,000 of them; `field` names a header over
                8 KiB when there is one. Nothing changed, and the connection is closed. Any operation may answer it.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
          headers:
            X-Total-Count: {description: The rows of the whole listing., required: true, schema: {type: integer, minimum: 0}}
            Link: {description: "RFC 8288: <ADDRESS>; rel=\"next\", one for each of first, prev, next and last, when there are other pages.", schema: {type: string}}
        """#
}
