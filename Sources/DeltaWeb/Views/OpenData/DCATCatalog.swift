import DeltaReports
import Foundation

/// The DCAT-AP description of the open datasets (`/catalog.jsonld`), so that the national
/// open-data portals (data.overheid.nl, data.gov.be) can harvest them: a `dcat:Catalog` whose
/// datasets each name their distributions (the JSON API, the CSV files, the Popolo export, the
/// Atom feed), with titles and descriptions in Dutch, French and English from the catalogues,
/// the EU vocabularies for theme, language, file type and IANA media types.
///
/// No licence is claimed: none of the governments' texts sets one for this register, and the
/// publisher must choose it (docs/OPEN-DATA.md).
enum DCATCatalog {
    /// One distribution: an address, its media type and the EU file-type code.
    struct Distribution {
        let path: String
        let mediaType: String
        let fileType: String
        let titleKey: String
    }

    /// One dataset: its catalogue keys (`opendata.dataset.<key>.title`/`.description`) and distributions.
    struct Dataset {
        let key: String
        let distributions: [Distribution]
    }

    static let datasets: [Dataset] = [
        Dataset(key: "register", distributions: [
            Distribution(path: "/api/dossiers", mediaType: "application/json", fileType: "JSON", titleKey: "opendata.distribution.dossiersJSON"),
            Distribution(path: "/api/documents", mediaType: "application/json", fileType: "JSON", titleKey: "opendata.distribution.documentsJSON"),
            Distribution(path: "/api/planning", mediaType: "application/json", fileType: "JSON", titleKey: "opendata.distribution.planningJSON"),
        ]),
        Dataset(key: "investments", distributions: [
            Distribution(path: "/investments.csv", mediaType: "text/csv", fileType: "CSV", titleKey: "opendata.distribution.investmentsCSV"),
            Distribution(path: "/api/investments", mediaType: "application/json", fileType: "JSON", titleKey: "opendata.distribution.investmentsJSON"),
        ]),
        Dataset(key: "bodies", distributions: [
            Distribution(path: "/api/popolo.json", mediaType: "application/json", fileType: "JSON", titleKey: "opendata.distribution.popolo"),
            Distribution(path: "/api/bodies", mediaType: "application/json", fileType: "JSON", titleKey: "opendata.distribution.bodiesJSON"),
        ]),
        Dataset(key: "changes", distributions: [
            Distribution(path: "/feed.atom", mediaType: "application/atom+xml", fileType: "ATOM", titleKey: "opendata.distribution.atom"),
        ]),
    ]

    static let languageCodes: [Language: String] = [.nl: "NLD", .fr: "FRA", .en: "ENG"]

    /// The catalogue as a JSON-LD document. `base` is the site's address; `modified` the day of
    /// the latest change (ISO 8601), when known.
    static func document(base: String, catalogues: Catalogues, modified: String?) -> [String: Any] {
        func texts(_ key: String) -> [[String: String]] {
            Language.allCases.map { ["@value": catalogues[$0].text(key, [:]), "@language": $0.rawValue] }
        }
        let languages = Language.allCases.compactMap { languageCodes[$0] }
            .map { ["@id": "http://publications.europa.eu/resource/authority/language/\($0)"] }
        let publisher: [String: Any] = ["@type": "foaf:Agent", "foaf:name": texts("opendata.publisher")]
        let datasets: [[String: Any]] = datasets.map { dataset in
            var value: [String: Any] = [
                "@id": base + "/catalog.jsonld#\(dataset.key)",
                "@type": "dcat:Dataset",
                "dct:identifier": dataset.key,
                "dct:title": texts("opendata.dataset.\(dataset.key).title"),
                "dct:description": texts("opendata.dataset.\(dataset.key).description"),
                "dcat:theme": ["@id": "http://publications.europa.eu/resource/authority/data-theme/TRAN"],
                "dct:language": languages,
                "dct:publisher": publisher,
                "dcat:landingPage": ["@id": base + "/"],
                "dcat:distribution": dataset.distributions.map { distribution -> [String: Any] in
                    [
                        "@type": "dcat:Distribution",
                        "dct:title": texts(distribution.titleKey),
                        "dcat:accessURL": ["@id": base + distribution.path],
                        "dcat:downloadURL": ["@id": base + distribution.path],
                        "dcat:mediaType": ["@id": "http://www.iana.org/assignments/media-types/\(distribution.mediaType)"],
                        "dct:format": ["@id": "http://publications.europa.eu/resource/authority/file-type/\(distribution.fileType)"],
                        "dct:conformsTo": ["@id": base + "/openapi.yaml"],
                    ]
                },
            ]
            if let modified { value["dct:modified"] = ["@value": modified, "@type": "xsd:date"] }
            return value
        }
        var catalog: [String: Any] = [
            "@context": [
                "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#",
            ],
            "@id": base + "/catalog.jsonld",
            "@type": "dcat:Catalog",
            "dct:title": texts("opendata.catalog.title"),
            "dct:description": texts("opendata.catalog.description"),
            "dct:publisher": publisher,
            "dct:language": languages,
            "foaf:homepage": ["@id": base + "/"],
            "dcat:themeTaxonomy": ["@id": "http://publications.europa.eu/resource/authority/data-theme"],
            "dcat:dataset": datasets,
        ]
        if let modified { catalog["dct:modified"] = ["@value": modified, "@type": "xsd:date"] }
        return catalog
    }
}
