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

        var text = arguments.Length == 0 ? texts[key] : texts[key, arguments];
        return text.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : text;
    }
}
