// The figures of a platform page: each one the platform's rows of a published table, with the
// blocks of a figure of /statistiques/ and a page of its own at /plateformes/<slug>/<figure>/
// (/en/platforms/<slug>/<figure>/, the figure named in English: `SitePaths.platformFigureName`).

import VigieStatistics

/// The raw value is the figure's French name, also the ids of its chart's SVG elements.
enum PlatformFigure: String, CaseIterable, Sendable {
    case issues = "difficultes"
    case resolution = "suite"
    case delays = "delais"
    case loss = "perte"
    /// The platform's share of all cases, shown among every platform's.
    case share = "part"

    /// The published table the figure reads, whose CSV and JSON files it links to.
    var table: TableID {
        switch self {
        case .issues: .platformIssue
        case .resolution: .resolutionByPlatform
        case .delays: .daysToStageByPlatform
        case .loss: .revenueLossByPlatform
        case .share: .casesByPlatform
        }
    }

    /// The figure's heading in strings.yaml (`platforms.issues_heading`).
    var headingKey: String {
        switch self {
        case .issues: "platforms.issues_heading"
        case .resolution: "platforms.resolution_heading"
        case .delays: "platforms.delays_heading"
        case .loss: "platforms.loss_heading"
        case .share: "platforms.share_heading"
        }
    }

    /// The figure's name in an edition's addresses: its folder, its anchor on the platform page and
    /// its chart files (`difficultes`, `issues` in English).
    func name(in paths: SitePaths) -> String { paths.platformFigureName(self) }

    /// The folder of the figure's page (`plateformes/amazon/difficultes/`, `en/platforms/amazon/issues/`),
    /// under the platform's.
    func folder(platformFolder: String, paths: SitePaths) -> String { platformFolder + name(in: paths) + "/" }

    /// The name of the chart's SVG and PNG files (`amazon-difficultes`, `amazon-issues`): a downloaded
    /// copy says whose figure it is.
    func chartFileName(platformSlug: String, paths: SitePaths) -> String { platformSlug + "-" + name(in: paths) }
}
