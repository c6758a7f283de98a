// The chart library's entry point: each chart is one inline SVG string, accessible and deterministic.

/// Charts drawn as inline SVG, with no script and no chart library.
///
/// Every chart:
/// - is an `<svg role="img">` named by its `<title>` and `<desc>` (`<id>-title`, `<id>-desc`),
///   with a `viewBox` and `width="100%"`, so it scales with its container (give it
///   `height: auto` in CSS);
/// - writes only the wording it is given: titles, labels and already formatted numbers;
/// - writes every value as text beside its mark and draws withheld values (`value == nil`) as a
///   short hatched mark with their text (`"< 5"`), plus a legend entry when there are any, so it
///   reads without colour and prints in black and white;
/// - marks each data shape with `class="bar"` (or `point`) and `data-key`, for tests and styling;
/// - gives the same bytes for the same input.
///
/// `id` must be unique on the page and contain no whitespace: every `id` in the chart starts with
/// it. Empty data gives a chart with its title and description and no marks.
///
/// `width` is the layout width in CSS pixels, at which text has its nominal size (14 px); cap the
/// chart's container at that width (`max-width`), or pass the container's width. A chart shown
/// narrower shrinks its text in proportion: a ``standardWidth`` chart on a 375 px phone writes
/// 14 px as about 7.5 px. So a page gives each chart in two layouts, with ids apart, and lets CSS
/// show one:
///
/// ```html
/// <div class="chart-wide"><svg …id "platforms"…></div>
/// <div class="chart-compact"><svg …id "platforms-compact"…></div>
/// <!-- @media (max-width: 599px) { .chart-wide { display: none } }
///      @media (min-width: 600px) { .chart-compact { display: none } } -->
/// ```
///
/// `display: none` also hides the other copy from screen readers, and print takes the wide one.
public enum Chart {
    /// Layout width for a desktop page column.
    public static let standardWidth = 640
    /// Layout width for a phone screen, 360 CSS pixels and up.
    public static let compactWidth = 360
}
