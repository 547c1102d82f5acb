using System.Globalization;
using IncidentDesk.Core.Common;

namespace IncidentDesk.Web.Components;

/// <summary>
/// Shows stored UTC instants in Brasília time, the legal reference for LGPD deadlines, at the precision
/// the fact is actually known ("março de 2026" rather than an invented day).
/// </summary>
public static class BrasiliaTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Format(DateTime utc, TimePrecision precision = TimePrecision.Exact, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = ToLocal(utc);
        return precision switch
        {
            TimePrecision.Month => local.ToString("Y", culture),
            TimePrecision.Day => local.ToString("d", culture),
            _ => local.ToString("g", culture),
        };
    }
}
