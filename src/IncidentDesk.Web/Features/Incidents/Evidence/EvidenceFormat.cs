using System.Globalization;

namespace IncidentDesk.Web.Features.Incidents.Evidence;

/// <summary>
/// Sizes as people read them ("1,2 MB" in pt-BR), in the same binary units as the 25 MB limit; a no-break space
/// keeps number and unit on one line.
/// </summary>
public static class EvidenceFormat
{
    public static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static string Size(long bytes, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return bytes switch
        {
            < 1024 => string.Create(culture, $"{bytes}\u00A0B"),
            < 1024 * 1024 => string.Create(culture, $"{bytes / 1024d:0.#}\u00A0KB"),
            _ => string.Create(culture, $"{bytes / (1024d * 1024d):0.#}\u00A0MB"),
        };
    }
}
