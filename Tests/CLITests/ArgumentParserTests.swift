import Testing
@testable import CLI

@Suite("Argument parsing")
struct ArgumentParserTests {
    static let specs: [ArgumentSpec] = [
        .option("kind", value: "KIND", help: "", required: true),
        .option("unit", value: "UNIT", help: "", repeating: true),
        .option("db", value: "PATH", help: "", default: "var/danvan.sqlite"),
        .flag("progress", help: ""),
        .positional("code", help: "", required: false),
    ]

    func parse(_ arguments: [String]) throws -> ParsedArguments {
        try ArgumentParser.parse(arguments.map(RawArgument.init)[...], specs: ArgumentParserTests.specs, commandPath: "t")
    }

    @Test("options, --name=value, repeats, flags, positionals and defaults")
    func parsesEverything() throws {
        let parsed = try parse(["ABC", "--kind=phan-anh", "--unit", "a", "--unit", "b", "--progress"])
        #expect(try parsed.string("kind") == "phan-anh")
        #expect(try parsed.strings("unit") == ["a", "b"])
        #expect(parsed.flag("progress"))
        #expect(try parsed.positional(0) == "ABC")
        #expect(try parsed.string("db") == "var/danvan.sqlite")
    }

    @Test("a value may start with dashes after --; text starting with a dash is a value")
    func dashes() throws {
        let parsed = try parse(["--kind", "-x", "--", "--not-an-option"])
        #expect(try parsed.string("kind") == "-x")
        #expect(try parsed.positional(0) == "--not-an-option")
    }

    @Test("usage errors name the problem", arguments: [
        (["--unknown"], "không có tùy chọn '--unknown'"),
        (["--kind"], "tùy chọn '--kind' cần một giá trị (KIND)"),
        ([], "thiếu tùy chọn '--kind'"),
        (["--kind", "a", "--kind", "b"], "tùy chọn '--kind' được cho nhiều lần"),
        (["--kind", "a", "x", "y"], "thừa tham số 'y'"),
        (["--kind", "a", "--progress=yes"], "tùy chọn '--progress' không nhận giá trị"),
    ])
    func usageErrors(arguments: [String], message: String) {
        #expect { try parse(arguments) } throws: { ($0 as? UsageError)?.message == message }
    }

    @Test("the first invalid UTF-8 byte is located")
    func invalidOffset() {
        #expect(RawArgument(bytes: [0x61, 0xE1, 0xBB]).invalidUTF8 == "không phải UTF-8 hợp lệ (byte 0xE1 ở vị trí 1)")
        #expect(RawArgument(bytes: Array("Hồ".utf8)).invalidUTF8 == nil)
        #expect(RawArgument(bytes: [0xED, 0xA0, 0x80]).invalidUTF8 != nil)  // a UTF-16 surrogate is not UTF-8
    }
}
