/// The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of what the API reads and writes.
enum APISchemas {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: JSONValue = ["type": "string"]
    static let nullableString: JSONValue = ["type": ["string", "null"]]
    static let date: JSONValue = ["type": ["string", "null"], "format": "date"]
    static let stringList: JSONValue = ["type": "array", "items": ["type": "string"]]

    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }

    static let kinds: JSONValue = ["type": "string", "enum": ["phan-anh", "kien-nghi", "khieu-nai", "to-cao", "y-kien"]]

    static let all: [(String, JSONValue)] = [
        ("Error", object([
            ("error", object([("code", string), ("message", string), ("field", nullableString)], required: ["code", "message", "field"])),
        ], required: ["error"])),
        ("Submitter", ["type": ["object", "null"], "properties": [
            "name": nullableString, "address": nullableString, "phone": nullableString, "email": nullableString,
        ]]),
        ("Event", object([
            ("sequence", ["type": "integer"]), ("at", ["type": "string", "format": "date-time"]), ("type", string),
            ("from_status", nullableString), ("to_status", nullableString), ("actor", nullableString), ("reason", nullableString),
            ("details", ["type": "object", "additionalProperties": ["type": "string"]]),
        ], required: ["sequence", "at", "type", "from_status", "to_status", "actor", "reason", "details"])),
        ("Grievance", object([
            ("tracking_code", string), ("kind", kinds), ("channel", string), ("status", string), ("text", string),
            ("submitter", ref("Submitter")), ("confidential", ["type": "boolean"]),
            ("received_at", ["type": "string", "format": "date-time"]), ("province", nullableString), ("commune", nullableString),
            ("residential", nullableString), ("topic", nullableString), ("lead_unit", nullableString),
            ("coordinating_units", stringList), ("authority", nullableString), ("due_accept", date), ("due_resolve", date),
            ("due_authority", date), ("clock_paused", ["type": "boolean"]), ("paused_days", ["type": "integer"]),
            ("merged_into", nullableString), ("overdue", ["type": "boolean"]), ("rule", nullableString),
            ("rules_version", nullableString), ("events", ["type": "array", "items": ref("Event")]),
        ], required: ["tracking_code", "kind", "channel", "status", "text", "submitter", "confidential", "received_at",
                      "topic", "lead_unit", "coordinating_units", "due_accept", "due_resolve", "overdue"])),
        ("GrievanceList", object([
            ("items", ["type": "array", "items": ref("Grievance")]), ("next", nullableString),
        ], required: ["items", "next"])),
        ("NewGrievance", object([
            ("kind", kinds), ("text", ["type": "string", "minLength": 1]), ("name", nullableString), ("address", nullableString),
            ("phone", nullableString), ("email", nullableString), ("confidential", ["type": ["boolean", "null"]]),
            ("channel", nullableString), ("received", nullableString), ("topic", nullableString), ("province", nullableString),
            ("commune", nullableString), ("residential", nullableString), ("route", ["type": ["boolean", "null"]]),
        ], required: ["kind", "text"])),
        ("PublicGrievance", object([
            ("kind", kinds), ("text", ["type": "string", "minLength": 1]), ("name", nullableString), ("address", nullableString),
            ("phone", nullableString), ("email", nullableString),
        ], required: ["kind", "text"])),
        ("Transition", object([
            ("to", string), ("reason", nullableString), ("unit", nullableString), ("coordinating", stringList),
            ("authority", nullableString), ("authority_due", nullableString), ("into", nullableString),
            ("override_conflict", nullableString),
        ], required: ["to"])),
        ("Extension", object([("days", ["type": "integer", "minimum": 1, "maximum": 365]), ("reason", string)],
                             required: ["days", "reason"])),
        ("Correction", object([("topic", nullableString), ("kind", ["type": ["string", "null"]]), ("route", ["type": ["boolean", "null"]])],
                              required: [])),
        ("Reveal", object([("reason", string)], required: ["reason"])),
        ("Login", object([("login", string), ("password", string)], required: ["login", "password"])),
        ("PasswordChange", object([("current", string), ("new", string)], required: ["current", "new"])),
        ("User", object([
            ("login", string), ("role", string), ("unit", nullableString), ("name", nullableString), ("disabled", ["type": "boolean"]),
        ], required: ["login", "role", "unit", "disabled"])),
        ("Session", object([
            ("token", string), ("user", ref("User")), ("must_change_password", ["type": "boolean"]),
        ], required: ["token", "user", "must_change_password"])),
        ("NewUser", object([
            ("login", string), ("role", string), ("unit", nullableString), ("name", nullableString),
        ], required: ["login", "role"])),
        ("NewUserPassword", object([("login", string), ("role", string), ("unit", nullableString), ("password", string)],
                                   required: ["login", "role", "unit", "password"])),
        ("Unit", object([
            ("id", string), ("name", string), ("type", string), ("parent", nullableString),
        ], required: ["id", "name", "type", "parent"])),
        ("Topic", object([("id", string), ("name", string), ("description", string)], required: ["id", "name", "description"])),
        ("Rules", object([("version", string), ("rules", ["type": "integer"]), ("units", ["type": "integer"]),
                          ("topics", ["type": "integer"])], required: ["version", "rules", "units", "topics"])),
        ("AuditEntry", object([
            ("at", ["type": "string", "format": "date-time"]), ("login", string), ("action", string),
            ("tracking_code", nullableString), ("subject", nullableString), ("detail", nullableString),
        ], required: ["at", "login", "action", "tracking_code"])),
        ("QuarantineRow", object([
            ("id", ["type": "integer"]), ("source", string), ("reason", string), ("preview", string),
        ], required: ["id", "source", "reason", "preview"])),
        ("PublicStatus", object([
            ("tracking_code", string), ("status", string), ("status_name", string), ("received", ["type": "string", "format": "date"]),
            ("due_resolve", date), ("answer", nullableString),
        ], required: ["tracking_code", "status", "received", "due_resolve", "answer"])),
        ("ImportJob", object([
            ("id", string), ("name", string), ("status", ["type": "string", "enum": ["running", "done", "failed"]]),
            ("records", ["type": "integer"]), ("bytes_read", ["type": "integer"]), ("total_bytes", ["type": "integer"]),
            ("summary", ["type": ["object", "null"], "properties": [
                "imported": ["type": "integer"], "duplicates": ["type": "integer"], "followups": ["type": "integer"],
                "quarantined": ["type": "integer"],
            ]]),
            ("error", nullableString),
        ], required: ["id", "status", "records", "bytes_read", "total_bytes", "summary", "error"])),
        ("Created", object([("tracking_code", string)], required: ["tracking_code"])),
        ("Health", object([("status", string)], required: ["status"])),
        ("Items", object([("items", ["type": "array"])], required: ["items"])),
    ]
}
