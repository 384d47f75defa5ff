import Hummingbird

/// The accessibility statement, `/accessibility`: a fixed page in the reader's language. It has
/// no JSON twin, because it holds no register data.
struct AccessibilityController: Sendable {
    let renderer: Renderer

    func addRoutes(pages: RouterGroup<AppRequestContext>) {
        pages.get("accessibility") { _, context -> Response in
            try renderer.html("accessibility", PageFrame(page: AccessibilityStatementPage(labels: context.labels),
                                                         path: "/accessibility", context: context))
        }
    }
}
