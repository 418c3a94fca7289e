/// An organisation that receives grievances, from routing-rules/units/. A class: routing hands
/// units around for every grievance and must not copy their lists each time.
public final class Unit: Sendable, Equatable {
    public let id: String
    public let name: String
    public let type: UnitType
    public let parent: String?
    /// Jurisdiction: the province and commune codes it covers (NSO codes), and residential areas
    /// inside its commune(s). Empty means "not limited at that level".
    public let provinces: [String]
    public let communes: [String]
    public let residentialAreas: [String]
    /// Other names the unit goes by in letters ("chi bộ khu phố 6"), for conflict-of-interest checks.
    public let aliases: [String]
    /// People whose names in a denunciation make this unit unable to handle it.
    public let members: [String]
    /// Where notifications go: e-mail addresses or webhook URLs.
    public let notify: [String]
    /// Remote, hard-to-reach area: longer legal limits apply (Luật Khiếu nại 2011 art. 28).
    public let isRemote: Bool
    public let line: Int
    public let file: String

    public init(id: String, name: String, type: UnitType, parent: String?, provinces: [String], communes: [String],
                residentialAreas: [String], aliases: [String], members: [String], notify: [String], isRemote: Bool,
                line: Int, file: String) {
        self.id = id
        self.name = name
        self.type = type
        self.parent = parent
        self.provinces = provinces
        self.communes = communes
        self.residentialAreas = residentialAreas
        self.aliases = aliases
        self.members = members
        self.notify = notify
        self.isRemote = isRemote
        self.line = line
        self.file = file
    }

    public static func == (a: Unit, b: Unit) -> Bool { a === b || (a.id == b.id && a.file == b.file && a.line == b.line) }
}
