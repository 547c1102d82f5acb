using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace IncidentDesk.Web.Layout;

/// <summary>
/// MudBlazor's own texts (pager, close buttons, loading, date pickers…) in Portuguese from
/// Resources/MudBlazorResource.resx. MudBlazor's built-in texts are English, so any other language — and any key not
/// translated here — is left to MudBlazor.
/// </summary>
internal sealed class MudTranslations(IStringLocalizer<MudBlazorResource> texts) : MudLocalizer
{
    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private LocalizedString Translate(string key, object[] arguments)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "pt")
        {
            return new LocalizedString(key, key, resourceNotFound: true);
        }

        var text = texts[key];
        if (text.ResourceNotFound)
        {
            return new LocalizedString(key, key, resourceNotFound: true);
        }

        // MudBlazor hands the pager's numbers as arguments for numbered placeholders ("{0}–{1} de {2}"); a text without
        // them is returned as is — string.Format on a brace it does not understand would throw and take the page down.
        return arguments.Length > 0 && text.Value.Contains("{0", StringComparison.Ordinal)
            ? new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, text.Value, arguments))
            : text;
    }
}
