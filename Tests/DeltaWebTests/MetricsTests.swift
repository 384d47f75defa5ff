import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/metrics`, read back by the Prometheus Python client's own parser.
@Suite("Prometheus metrics")
struct MetricsTests {
    @Test("requests are counted and timed by route pattern, method and status; the text parses as Prometheus exposition")
    func counted() async throws {
        let text = try await withDemoApp { client in
            for _ in 0..<3 { _ = try await client.get("/dossiers/3rx") }
            _ = try await client.get("/dossiers/no-such-dossier")
            _ = try await client.get("/feeds/zzsecretzz/calendar.ics")
            let metrics = try await client.get("/metrics")
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            return metrics.text
        }
        #expect(!text.contains("zzsecretzz"), "labels are route patterns, never addresses")
        let file = try ExternalTools.temporaryFile(named: "metrics.txt", contents: text)
        let script = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        out = {}
        for family in text_string_to_metric_families(open(sys.argv[1]).read()):
            for s in family.samples:
                key = s.name + "|" + ",".join(k + "=" + v for k, v in sorted(s.labels.items()))
                out[key] = s.value
        print(json.dumps(out))
        """
        let output = try await ExternalTools.run("/usr/bin/env", ["python3", "-c", script, file.path])
        let samples = try JSONDecoder().decode([String: Double].self, from: Data(output.utf8))
        #expect(samples["deltaberaad_http_requests_total|method=GET,route=/dossiers/{id},status=200"] == 3)
        #expect(samples["deltaberaad_http_requests_total|method=GET,route=/dossiers/{id},status=404"] == 1)
        #expect(samples["deltaberaad_http_requests_total|method=GET,route=/feeds/{secret}/calendar.ics,status=404"] == 1)
        #expect(samples["deltaberaad_http_request_duration_seconds_count|method=GET,route=/dossiers/{id}"] == 4)
        // The /metrics request itself is in flight while the text is written.
        #expect(samples["deltaberaad_http_requests_in_flight|"] == 1)
    }
}
