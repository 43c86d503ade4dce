import Foundation
import PetitionsTestSupport
import Testing

/// `letter list` writes the letters as it reads them (the text table measured in a first pass, then written row by
/// row; JSON element by element): what a user reads is what the whole listing printed before, filter by filter.
@Suite struct LetterListingTests {
    @Test func everyFilterListsTheLettersAUserExpects() throws {
        let cli = try ListingLedger.make()
        defer { cli.remove() }
        try ListingLedger.expect(
            cli, ["letter", "list"],
            [
                "ID  DAY         DIR       FROM           TO             PETITION  REPLY    SUBJECT",
                "--  ----------  --------  -------------  -------------  --------  -------  -------------------------",
                "1   1920-01-20  sent      dmitrov-post   moscow-supply  1         by 2     Appeal",
                "2   1920-02-02  received  moscow-supply  dmitrov-post   1         re 1     Answer",
                "3   1920-03-04  sent      kropotkin      sovnarkom      -         waiting  The provisions promised",
                "                                                                           to the postal-telegraph",
                "                                                                           employees of the Dmitrov",
                "                                                                           district by decree have",
                "                                                                           not come for two months",
            ])
        try ListingLedger.expect(
            cli, ["letter", "list", "--waiting"],
            [
                "ID  DAY         DIR   FROM       TO         PETITION  REPLY    SUBJECT",
                "--  ----------  ----  ---------  ---------  --------  -------  -------------------------------------",
                "3   1920-03-04  sent  kropotkin  sovnarkom  -         waiting  The provisions promised to the",
                "                                                               postal-telegraph employees of the",
                "                                                               Dmitrov district by decree have not",
                "                                                               come for two months",
            ])
        try ListingLedger.expect(
            cli, ["letter", "list", "--search", "provisions"],
            [
                "ID  DAY         DIR   FROM       TO         PETITION  REPLY    SUBJECT",
                "--  ----------  ----  ---------  ---------  --------  -------  -------------------------------------",
                "3   1920-03-04  sent  kropotkin  sovnarkom  -         waiting  The provisions promised to the",
                "                                                               postal-telegraph employees of the",
                "                                                               Dmitrov district by decree have not",
                "                                                               come for two months",
            ])
        try ListingLedger.expect(
            cli, ["letter", "list", "--party", "moscow-supply", "--format", "json"],
            [
                "[",
                "  {",
                "    \"answered_by\" : 2,",
                "    \"channel\" : \"post\",",
                "    \"direction\" : \"sent\",",
                "    \"expects_reply\" : true,",
                "    \"from\" : \"dmitrov-post\",",
                "    \"id\" : 1,",
                "    \"in_reply_to\" : null,",
                "    \"office\" : \"dmitrov\",",
                "    \"on\" : \"1920-01-20\",",
                "    \"petition\" : 1,",
                "    \"reply_due\" : \"1920-02-17\",",
                "    \"reply_within\" : null,",
                "    \"subject\" : \"Appeal\",",
                "    \"summary\" : null,",
                "    \"to\" : \"moscow-supply\",",
                "    \"voided\" : false",
                "  },",
                "  {",
                "    \"answered_by\" : null,",
                "    \"channel\" : \"post\",",
                "    \"direction\" : \"received\",",
                "    \"expects_reply\" : false,",
                "    \"from\" : \"moscow-supply\",",
                "    \"id\" : 2,",
                "    \"in_reply_to\" : 1,",
                "    \"office\" : \"dmitrov\",",
                "    \"on\" : \"1920-02-02\",",
                "    \"petition\" : 1,",
                "    \"reply_due\" : null,",
                "    \"reply_within\" : null,",
                "    \"subject\" : \"Answer\",",
                "    \"summary\" : null,",
                "    \"to\" : \"dmitrov-post\",",
                "    \"voided\" : false",
                "  }",
                "]",
            ])
    }

    @Test func nothingListedIsNoneOrAnEmptyArray() throws {
        let cli = try ListingLedger.make()
        defer { cli.remove() }
        try ListingLedger.expectNothing(cli, ["letter", "list", "--search", "typhus"])
        try ListingLedger.expectNothing(cli, ["letter", "list", "--party", "moscow-supply", "--waiting"])
        let empty = try CLI()
        defer { empty.remove() }
        #expect(try empty.run(["init", "--office", "dmitrov"]).status == 0)
        try ListingLedger.expectNothing(empty, ["letter", "list"])
    }

    @Test func anUnknownFilterIsRefusedBeforeAnythingIsWritten() throws {
        let cli = try ListingLedger.make()
        defer { cli.remove() }
        try ListingLedger.expectRefused(cli, ["letter", "list", "--party", "nobody"], "--party: no party 'nobody'.")
        try ListingLedger.expectRefused(cli, ["letter", "list", "--petition", "9"], "--petition: no petition with id 9 (ids run up to 1).")
        try ListingLedger.expectRefused(
            cli, ["letter", "list", "--search", "unbalanced\""],
            "--search 'unbalanced\"' has an unbalanced quote (\"); close the phrase or leave the quote out.")
    }
}
