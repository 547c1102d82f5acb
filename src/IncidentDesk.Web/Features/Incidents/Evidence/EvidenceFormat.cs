using System.Globalization;

namespace IncidentDesk.Web.Features.Incidents.Evidence;

/// <summary>Sizes as people read them ("1,2 MB" in pt-BR), in the same binary units as the 25 MB limit.</summary>
public static class EvidenceFormat
{
    public static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    public static string Size(long bytes, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return bytes switch
        {
            < 1024 => string.Create(culture, $"{bytes} B"),
            < 1024 * 1024 => string.Create(culture, $"{bytes / 1024d:0.#} KB"),
            _ => string.Create(culture, $"{bytes / (1024d * 1024d):0.#} MB"),
        };
    }
}
