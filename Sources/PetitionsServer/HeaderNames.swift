import HTTPTypes

extension HTTPField.Name {
    /// `Referrer-Policy`, which swift-http-types does not name.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .xContentTypeOptions
    /// `X-Frame-Options`.
    static let xFrameOptions = HTTPField.Name("X-Frame-Options") ?? .xContentTypeOptions
    /// `X-Total-Count`: the rows of a whole listing, of which the answer is one page.
    static let xTotalCount = HTTPField.Name("X-Total-Count") ?? .xContentTypeOptions
    /// `Link` (RFC 8288): the other pages of a listing.
    static let link = HTTPField.Name("Link") ?? .xContentTypeOptions
}
