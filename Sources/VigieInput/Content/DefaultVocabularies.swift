// The SPEC's default vocabulary keys; their labels live in templates/strings.yaml.

/// Vocabulary keys fixed by the SPEC, used unless site.yaml overrides a vocabulary.
public enum DefaultVocabularies {
    public static let platforms = [
        "amazon", "cdiscount", "fnac-darty", "rakuten", "ebay", "manomano", "leboncoin", "google", "apple", "other",
    ]
    public static let issues = [
        "delisting", "account_suspension", "funds_withheld", "accounting_documents", "no_customer_service",
        "unilateral_terms_change", "ranking_demotion", "fees_increase", "data_access", "other",
    ]
    public static let sectors = [
        "publishing", "fashion", "electronics", "home_garden", "food", "health_beauty", "toys_leisure", "services",
        "other",
    ]
    public static let outcomes = ["reinstated", "compensated", "explanation_given", "no_agreement", "abandoned"]
    /// INSEE region codes (2016 regions): overseas 01–06, then metropolitan.
    public static let regions = [
        "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
    ]
}
