// The figures of a platform page: each one the platform's rows of a published table, with the
// blocks of a figure of /statistiques/ and a page of its own at /plateformes/<slug>/<figure>/.

import VigieStatistics

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

    /// The folder of the figure's page (`plateformes/amazon/difficultes/`), under the platform's.
    func folder(platformFolder: String) -> String { platformFolder + rawValue + "/" }

    /// The name of the chart's SVG and PNG files (`amazon-difficultes`): a downloaded copy says whose figure it is.
    func chartFileName(platformSlug: String) -> String { platformSlug + "-" + rawValue }
}
