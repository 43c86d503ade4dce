import HTTPTypes

extension HTTPField.Name {
    /// `Referrer-Policy`, which swift-http-types does not name.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .xContentTypeOptions
    /// `X-Frame-Options`.
    static let xFrameOptions = HTTPField.Name("X-Frame-Options") ?? .xContentTypeOptions
}
