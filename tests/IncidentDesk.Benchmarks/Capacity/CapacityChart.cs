using System.Globalization;
using System.Text;

namespace IncidentDesk.Benchmarks.Capacity;

/// <summary>
/// The capacity curve as a self-contained SVG (no script, no external font): update → hub p95 against the offered rate,
/// both on logarithmic axes, one line per set-up, the target drawn across.
/// </summary>
internal static class CapacityChart
{
    private const double Width = 760, Height = 420, Left = 70, Right = 20, Top = 40, Bottom = 60;
    private const double MinMs = 1, MaxMs = 100_000;
    private static readonly string[] Colours = ["#1565c0", "#c62828", "#2e7d32"];

    public static void Write(string path, IReadOnlyList<CapacityCurve> curves, double targetMs)
    {
        var rates = curves.SelectMany(c => c.Steps).Select(s => s.Offered).Distinct().Order().ToList();
        if (rates.Count == 0)
        {
            return;
        }

        double minRate = rates[0] / 1.2, maxRate = rates[^1] * 1.2;
        double X(double rate) => Left + ((Math.Log(rate) - Math.Log(minRate)) / (Math.Log(maxRate) - Math.Log(minRate)) * (Width - Left - Right));
        double Y(double ms) => Top + ((Math.Log10(MaxMs) - Math.Log10(Math.Clamp(ms, MinMs, MaxMs))) / (Math.Log10(MaxMs) - Math.Log10(MinMs)) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"Capacity curve: update to hub p95 against offered updates per second\">"));
        svg.Append(F($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>"));
        svg.Append(F($"<text x=\"{Left}\" y=\"22\" font-size=\"14\" fill=\"#212121\">Update → officer's hub client, p95 (ms) by offered updates/s; labels: achieved updates/s</text>"));
        for (var ms = MinMs; ms <= MaxMs; ms *= 10)
        {
            svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(ms):0.#}\" y2=\"{Y(ms):0.#}\" stroke=\"#e0e0e0\"/>"));
            svg.Append(F($"<text x=\"{Left - 8}\" y=\"{Y(ms) + 4:0.#}\" text-anchor=\"end\" fill=\"#424242\">{ms:#,0}</text>"));
        }

        foreach (var rate in rates)
        {
            svg.Append(F($"<line x1=\"{X(rate):0.#}\" x2=\"{X(rate):0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#eeeeee\"/>"));
            svg.Append(F($"<text x=\"{X(rate):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\" fill=\"#424242\">{rate:0}</text>"));
        }

        svg.Append(F($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 18}\" text-anchor=\"middle\" fill=\"#424242\">offered updates per second (340 liaisons; 68/s is the expected peak)</text>"));
        svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(targetMs):0.#}\" y2=\"{Y(targetMs):0.#}\" stroke=\"#6d4c41\" stroke-dasharray=\"6 4\"/>"));
        svg.Append(F($"<text x=\"{Width - Right - 4}\" y=\"{Y(targetMs) - 6:0.#}\" text-anchor=\"end\" fill=\"#6d4c41\">target p95 {targetMs:0} ms</text>"));
        for (var i = 0; i < curves.Count; i++)
        {
            var colour = Colours[i % Colours.Length];
            var points = curves[i].Steps.Where(s => !double.IsNaN(s.P95)).Select(s => F($"{X(s.Offered):0.#},{Y(s.P95):0.#}")).ToList();
            svg.Append(F($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>"));
            foreach (var s in curves[i].Steps.Where(s => !double.IsNaN(s.P95)))
            {
                svg.Append(F($"<circle cx=\"{X(s.Offered):0.#}\" cy=\"{Y(s.P95):0.#}\" r=\"4\" fill=\"{colour}\"><title>{s.Offered:0}/s offered, {s.Achieved:0.0}/s achieved, p95 {s.P95:0.0} ms</title></circle>"));
                // What was achieved, beside each point: a flat line of points can hide a desk that stopped keeping up.
                svg.Append(F($"<text x=\"{X(s.Offered) + 7:0.#}\" y=\"{Y(s.P95) + (i % 2 == 0 ? -8 : 16):0.#}\" fill=\"{colour}\" font-size=\"11\">{s.Achieved:0}/s</text>"));
            }

            svg.Append(F($"<rect x=\"{Left + 10}\" y=\"{Top + 8 + (i * 18)}\" width=\"14\" height=\"4\" fill=\"{colour}\"/>"));
            svg.Append(F($"<text x=\"{Left + 30}\" y=\"{Top + 14 + (i * 18)}\" fill=\"#212121\">{Escape(curves[i].SetUp)}</text>"));
        }

        svg.Append("</svg>");
        File.WriteAllText(path, svg.ToString());
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
