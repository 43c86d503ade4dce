import Foundation
import PetitionsTestSupport
import Testing

/// `delivery list` writes the deliveries as it reads them (the text table measured in a first pass, then written row
/// by row; JSON element by element): what a user reads is what the whole listing printed before, filter by filter.
@Suite struct DeliveryListingTests {
    @Test func everyFilterListsTheDeliveriesAUserExpects() throws {
        let cli = try ListingLedger.make()
        defer { cli.remove() }
        try ListingLedger.expect(
            cli, ["delivery", "list"],
            [
                "ID  PERIOD   DUE         RECIPIENT     DECREE       STATUS    EXPECTED          RECEIVED",
                "--  -------  ----------  ------------  -----------  --------  ----------------  ----------------",
                "1   1919-09  1919-09-01  dmitrov-post  decree-1918  complete  1,700 funt wheat  1,700 funt wheat",
                "2   1919-10  1919-10-01  dmitrov-post  decree-1918  partial   1,700 funt wheat  900 funt wheat",
                "3   1919-11  1919-11-01  dmitrov-post  decree-1918  pending   1,700 funt wheat  0 funt wheat",
            ])
        try ListingLedger.expect(
            cli, ["delivery", "list", "--status", "partial", "--format", "json"],
            [
                "[",
                "  {",
                "    \"decree\" : \"decree-1918\",",
                "    \"due\" : \"1919-10-01\",",
                "    \"id\" : 2,",
                "    \"lines\" : [",
                "      {",
                "        \"commodity\" : \"wheat\",",
                "        \"expected\" : {",
                "          \"amount\" : 1700,",
                "          \"commodity\" : \"wheat\",",
                "          \"unit\" : \"funt\"",
                "        },",
                "        \"received\" : {",
                "          \"amount\" : 900,",
                "          \"commodity\" : \"wheat\",",
                "          \"unit\" : \"funt\"",
                "        },",
                "        \"shortfall\" : {",
                "          \"amount\" : 800,",
                "          \"commodity\" : \"wheat\",",
                "          \"unit\" : \"funt\"",
                "        }",
                "      }",
                "    ],",
                "    \"period\" : \"1919-10\",",
                "    \"receipts\" : null,",
                "    \"recipient\" : \"dmitrov-post\",",
                "    \"status\" : \"partial\",",
                "    \"supplier\" : \"moscow-supply\"",
                "  }",
                "]",
            ])
        try ListingLedger.expect(
            cli, ["delivery", "list", "--decree", "decree-1918", "--period", "1919-11"],
            [
                "ID  PERIOD   DUE         RECIPIENT     DECREE       STATUS   EXPECTED          RECEIVED",
                "--  -------  ----------  ------------  -----------  -------  ----------------  ------------",
                "3   1919-11  1919-11-01  dmitrov-post  decree-1918  pending  1,700 funt wheat  0 funt wheat",
            ])
    }

    @Test func nothingListedIsNoneOrAnEmptyArray() throws {
        let cli = try ListingLedger.make()
        defer { cli.remove() }
        try ListingLedger.expectNothing(cli, ["delivery", "list", "--status", "cancelled"])
        try ListingLedger.expectNothing(cli, ["delivery", "list", "--period", "1920-01"])
        try ListingLedger.expectNothing(cli, ["delivery", "list", "--recipient", "kropotkin"])
    }

    @Test func anUnknownFilterIsRefusedBeforeAnythingIsWritten() throws {
        let cli = try ListingLedger.make()
        defer { cli.remove() }
        try ListingLedger.expectRefused(cli, ["delivery", "list", "--decree", "nope"], "--decree: no decree 'nope'.")
        try ListingLedger.expectRefused(cli, ["delivery", "list", "--recipient", "nobody"], "--recipient: no party 'nobody'.")
    }
}
