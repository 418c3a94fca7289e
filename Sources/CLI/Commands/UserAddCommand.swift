import Foundation
import Domain
import Routing

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "add",
        abstract: "Tạo tài khoản; in mật khẩu dùng một lần, phải đổi khi đăng nhập lần đầu. (Create an account; print a one-time password, to be changed at first login.)",
        discussion: """
            Vai trò: registrar (cán bộ tiếp nhận, xem đơn do đơn vị mình tiếp nhận), member (thành viên đơn vị, \
            xem và xử lý đơn của đơn vị), head (lãnh đạo đơn vị, cả các đơn vị cấp dưới), supervisor (giám sát, \
            xem tất cả, không xử lý), admin (quản trị). registrar, member và head cần --unit. Với \
            --password-file, dòng đầu của tệp là mật khẩu (10–128 ký tự), không phải đổi, và "password" là null. \
            Mật khẩu được lưu dạng băm argon2id. (Passwords are stored as argon2id hashes.)
            """,
        arguments: [
            .positional("login", help: "tên đăng nhập: chữ cái không dấu, chữ số, . - _ (the login)"),
            .option("role", value: "ROLE", help: Role.allCodes, required: true),
            .option("unit", value: "UNIT", help: "đơn vị của người dùng, theo routing-rules/units/ (the user's unit)"),
            .option("name", value: "NAME", help: "họ tên (the user's name)"),
            .option("password-file", value: "FILE", help: "tệp chứa mật khẩu ở dòng đầu (a file whose first line is the password)"),
            .rulesDirectory, .database,
        ],
        examples: ["danvan user add lan.nguyen --role member --unit mttq-bay-hien --name \"Nguyễn Thị Lan\""])

    let login: String
    let role: Role
    let unit: String?
    let name: String?
    let passwordFile: String?
    let rulesDirectory: String
    let databasePath: String
    let asLogin: String?

    init(_ arguments: ParsedArguments) throws {
        login = try arguments.positional(0) ?? ""
        role = try arguments.value("role", accepted: Role.allCodes, Role.init(rawValue:))!
        unit = try arguments.string("unit")
        name = try arguments.string("name")?.precomposedStringWithCanonicalMapping
        passwordFile = try arguments.string("password-file")
        rulesDirectory = try arguments.required("rules")
        databasePath = try arguments.required("db")
        asLogin = try arguments.string("as")
    }

    func run() throws {
        var password: String?
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile) else {
                throw FieldError(field: "password-file", message: "không đọc được tệp '\(passwordFile)'")
            }
            password = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        // The directory checks the unit; an account may be made before any rules exist.
        let (casework, principal) = try CommandContext.casework(databasePath: databasePath, creating: true,
                                                                book: CommandContext.optionalRules(rulesDirectory), as: asLogin)
        let (user, oneTime) = try casework.addUser(login: login, role: role, unit: unit, name: name, password: password,
                                                   as: principal, at: Date())
        try JSONLines.print(["login": .string(user.login), "role": .string(user.role.rawValue),
                             "unit": user.unit.map(JSONScalar.string) ?? .null,
                             "password": oneTime.map(JSONScalar.string) ?? .null] as [String: JSONScalar])
    }
}
