/// An organisation that receives grievances, from routing-rules/units/.
public struct Unit: Sendable, Equatable {
    public var id: String
    public var name: String
    public var type: UnitType
    public var parent: String?
    /// Jurisdiction: the province and commune codes it covers (NSO codes), and residential areas
    /// inside its commune(s). Empty means "not limited at that level".
    public var provinces: [String]
    public var communes: [String]
    public var residentialAreas: [String]
    /// Other names the unit goes by in letters ("chi bộ khu phố 6"), for conflict-of-interest checks.
    public var aliases: [String]
    /// People whose names in a denunciation make this unit unable to handle it.
    public var members: [String]
    /// Where notifications go: e-mail addresses or webhook URLs.
    public var notify: [String]
    /// Remote, hard-to-reach area: longer legal limits apply (Luật Khiếu nại 2011 art. 28).
    public var isRemote: Bool
    public var line: Int
    public var file: String
}
