import Foundation
import Hummingbird
import PetitionsApp

/// `/admin/users`, for admins: the users, and forms to add one, change a role, disable one and enable one again.
extension Web {
    func addAdmin(to pages: RouterGroup<OfficeContext>) {
        pages.get("admin/users") { request, context in try await self.users(request, context) }
        pages.post("admin/users") { request, context in try await self.addUser(request, context) }
        pages.post("admin/users/role") { request, context in try await self.changeRole(request, context) }
        pages.post("admin/users/disable") { request, context in try await self.disableUser(request, context) }
        pages.post("admin/users/enable") { request, context in try await self.enableUser(request, context) }
    }

    static let roleOptions = [("reader", "reader"), ("clerk", "clerk"), ("admin", "admin")]

    func userForms() -> [WebForm] {
        [
            WebForm(
                action: "/admin/users", legend: "Add a user", submit: "Add the user",
                fields: [
                    WebField(name: "name", label: "Name", required: true),
                    WebField(name: "role", label: "Role", kind: .select(Web.roleOptions), value: "clerk"),
                ]),
            WebForm(
                action: "/admin/users/role", legend: "Change a role", submit: "Change the role",
                fields: [
                    WebField(name: "name", label: "Name", required: true),
                    WebField(name: "to", label: "New role", kind: .select(Web.roleOptions), value: "clerk"),
                ]),
            WebForm(
                action: "/admin/users/disable", legend: "Disable a user", submit: "Disable",
                fields: [WebField(name: "name", label: "Name", required: true)]),
            WebForm(
                action: "/admin/users/enable", legend: "Enable a user again", submit: "Enable",
                fields: [WebField(name: "name", label: "Name", required: true)]),
        ]
    }

    func users(
        _ request: Request, _ context: OfficeContext, generated: NewUser? = nil,
        refill: (form: String, typed: [String: String], error: APIFailure)? = nil
    ) async throws -> Response {
        let account = try context.signedIn(.admin, request)
        let users = try await office.run(ListUsers(), as: account)
        var forms = userForms()
        if let refill, let i = forms.firstIndex(where: { $0.action == refill.form }) { forms[i].refill(refill.typed, error: refill.error) }
        var values: [String: Any] = [
            "rows": users.map { ["name": $0.name, "role": $0.role.rawValue, "disabled": $0.disabled ? "yes" : "no", "created": $0.created] },
            "forms": forms.map { self.values(of: $0, context) },
        ]
        if let generated, let password = generated.generatedPassword {
            values["generated"] = ["user": generated.account.name, "password": password]
        }
        return page("users", "Users", values, context, status: refill?.error.status ?? .ok)
    }

    func addUser(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let fields = try await context.form(request, of: userForms()[0], role: .admin)
        let account = try context.signedIn(.admin, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/admin/users", shown: "/admin/users"
        ) {
            try await addUser(request, context, fields, account)
        }
    }

    func addUser(_ request: Request, _ context: OfficeContext, _ fields: RequestFields, _ account: Account) async throws -> Response {
        let outcome = try await attempt {
            try await office.run(
                AddUser(name: try fields.required("name"), role: try Role(parsing: try fields.required("role"), field: "role")), as: account)
        }
        switch outcome {
        case .success(let added): return try await users(request, context, generated: added)
        case .failure(let f): return try await users(request, context, refill: ("/admin/users", fields.texts, f))
        }
    }

    func changeRole(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let fields = try await context.form(request, of: userForms()[1], role: .admin)
        let account = try context.signedIn(.admin, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/admin/users", shown: "/admin/users"
        ) {
            let outcome = try await attempt {
                try await office.run(
                    ChangeUserRole(name: try fields.required("name"), to: try Role(parsing: try fields.required("to"), field: "to")), as: account)
            }
            switch outcome {
            case .failure(let f): return try await users(request, context, refill: ("/admin/users/role", fields.texts, f))
            case .success(let change): inform([change.roleSentence], context)
            }
            throw Redirect.to("/admin/users")
        }
    }

    func disableUser(_ request: Request, _ context: OfficeContext) async throws -> Response {
        try await changeAccount(request, context, form: "/admin/users/disable") { name, account in
            let change = try await office.run(DisableUser(name: name), as: account)
            // Its sessions end now: enabled again before one was next used, that one would have come back.
            office.sessions.closeAll(of: change.after.name)
            return change.disableSentence
        }
    }

    /// `user enable` as a form: the user may log in again, and its tokens not revoked work again.
    func enableUser(_ request: Request, _ context: OfficeContext) async throws -> Response {
        try await changeAccount(request, context, form: "/admin/users/enable") { name, account in
            try await office.run(EnableUser(name: name), as: account).enableSentence
        }
    }

    /// Runs `change` on the user named in the form sent to `form`, then shows the users page saying what it did (or
    /// that nothing changed); a refusal is the sentence beside the form's field.
    func changeAccount(
        _ request: Request, _ context: OfficeContext, form: String, _ change: (String, Account) async throws -> String
    ) async throws -> Response {
        let fields = try await context.form(request, fields: userForms().first { $0.action == form }?.fields.map(\.name) ?? ["name"], role: .admin)
        let account = try context.signedIn(.admin, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/admin/users", shown: "/admin/users"
        ) {
            let outcome = try await attempt { try await change(try fields.required("name"), account) }
            switch outcome {
            case .failure(let f): return try await users(request, context, refill: (form, fields.texts, f))
            case .success(let said): inform([said], context)
            }
            throw Redirect.to("/admin/users")
        }
    }
}
