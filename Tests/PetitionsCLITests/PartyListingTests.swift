import Foundation
import PetitionsTestSupport
import Testing

/// The parties' listings (`party list`, with or without `--kind`, and `petitioner list`, `group list`, `authority
/// list`) write the parties as they read them (the text table measured in a first pass, then written row by row;
/// JSON element by element): what a user reads is what the whole listing printed before, kind by kind.
@Suite struct PartyListingTests {
    @Test func everyListingOfPartiesListsWhatAUserExpects() throws {
        let cli = try ListingLedger.make()
        defer { cli.remove() }
        try ListingLedger.expect(
            cli, ["party", "list"],
            [
                "ID  KIND        HANDLE         NAME                                DISTRICT  ABOUT",
                "--  ----------  -------------  ----------------------------------  --------  --------------------",
                "1   authority   moscow-supply  Moscow Supply Committee             -         -",
                "2   authority   sovnarkom      Council of People's Commissars      -         -",
                "3   group       dmitrov-post   Dmitrov postal-telegraph employees  -         0 members",
                "4   petitioner  kropotkin      Pëtr Kropotkin                      Dmitrov   -",
                "0   office      dmitrov        dmitrov                             -         this ledger's office",
            ])
        try ListingLedger.expect(
            cli, ["petitioner", "list"],
            [
                "ID  HANDLE     NAME            DISTRICT  OCCUPATION  HOUSEHOLD        GROUPS",
                "--  ---------  --------------  --------  ----------  ---------------  ------",
                "4   kropotkin  Pëtr Kropotkin  Dmitrov   -           incapacitated=1  ",
            ])
        try ListingLedger.expect(
            cli, ["group", "list"],
            [
                "ID  HANDLE        NAME                             DISTRICT  MEMBERS  COUNTS",
                "--  ------------  -------------------------------  --------  -------  ------------------------------",
                "3   dmitrov-post  Dmitrov postal-telegraph         -         0        employee=125 incapacitated=140",
                "                  employees",
            ])
        try ListingLedger.expect(
            cli, ["authority", "list"],
            [
                "ID  HANDLE         NAME                            REPLIES WITHIN  CHAIN ABOVE",
                "--  -------------  ------------------------------  --------------  -----------",
                "1   moscow-supply  Moscow Supply Committee         -               ",
                "2   sovnarkom      Council of People's Commissars  -               ",
            ])
        try ListingLedger.expect(
            cli, ["party", "list", "--kind", "office"],
            [
                "ID  HANDLE   NAME     ADDRESS  EMAIL",
                "--  -------  -------  -------  -----",
                "0   dmitrov  dmitrov  -        -",
            ])
        try ListingLedger.expect(
            cli, ["petitioner", "list", "--format", "json"],
            [
                "[",
                "  {",
                "    \"address\" : null,",
                "    \"chain\" : null,",
                "    \"counts\" : null,",
                "    \"dependants\" : [",
                "      {",
                "        \"category\" : \"incapacitated\",",
                "        \"name\" : \"Sofia\"",
                "      }",
                "    ],",
                "    \"district\" : \"Dmitrov\",",
                "    \"email\" : null,",
                "    \"groups\" : [",
                "",
                "    ],",
                "    \"handle\" : \"kropotkin\",",
                "    \"id\" : 4,",
                "    \"kind\" : \"person\",",
                "    \"members\" : null,",
                "    \"name\" : \"Pëtr Kropotkin\",",
                "    \"note\" : null,",
                "    \"occupation\" : null,",
                "    \"office\" : \"dmitrov\",",
                "    \"parent\" : null,",
                "    \"phone\" : null,",
                "    \"reply_within\" : null",
                "  }",
                "]",
            ])
        try ListingLedger.expect(
            cli, ["party", "list", "--kind", "group", "--format", "json"],
            [
                "[",
                "  {",
                "    \"address\" : null,",
                "    \"chain\" : null,",
                "    \"counts\" : [",
                "      {",
                "        \"category\" : \"employee\",",
                "        \"count\" : 125",
                "      },",
                "      {",
                "        \"category\" : \"incapacitated\",",
                "        \"count\" : 140",
                "      }",
                "    ],",
                "    \"dependants\" : null,",
                "    \"district\" : null,",
                "    \"email\" : null,",
                "    \"groups\" : null,",
                "    \"handle\" : \"dmitrov-post\",",
                "    \"id\" : 3,",
                "    \"kind\" : \"group\",",
                "    \"members\" : [",
                "",
                "    ],",
                "    \"name\" : \"Dmitrov postal-telegraph employees\",",
                "    \"note\" : null,",
                "    \"occupation\" : null,",
                "    \"office\" : \"dmitrov\",",
                "    \"parent\" : null,",
                "    \"phone\" : null,",
                "    \"reply_within\" : null",
                "  }",
                "]",
            ])
    }

    @Test func aKindWithoutPartiesIsNoneOrAnEmptyArray() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "dmitrov"]).status == 0)
        for args in [["petitioner", "list"], ["group", "list"], ["authority", "list"], ["party", "list", "--kind", "group"]] {
            try ListingLedger.expectNothing(cli, args)
        }
    }
}
