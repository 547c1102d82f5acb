using System.Globalization;
using IncidentDesk.Web.Layout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Tests.Layout;

/// <summary>MudBlazor's own texts in Portuguese — and a pager on a real page must never take the page down.</summary>
public sealed class MudTranslationsTests
{
    private static MudTranslations Translations()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        return new MudTranslations(services.GetRequiredService<IStringLocalizer<MudBlazorResource>>());
    }

    [Fact]
    public void The_table_pager_says_which_rows_are_shown_in_portuguese()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pt-BR");
        try
        {
            var info = Translations()["MudTablePager_InfoFormat", 1, 50, 340];

            Assert.False(info.ResourceNotFound);
            Assert.Equal("1–50 de 340", info.Value);
            Assert.Equal("Linhas por página:", Translations()["MudTablePager_RowsPerPage"].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void In_english_mudblazor_keeps_its_own_texts()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.True(Translations()["MudTablePager_InfoFormat", 1, 50, 340].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
