using MudBlazor;

namespace IncidentDesk.Web.Layout;

/// <summary>The one place the product's colours and type live.</summary>
internal static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B5D4B",
            Secondary = "#3B6EA8",
            AppbarBackground = "#0B5D4B",
            Background = "#F6F7F9",
            Warning = "#B26A00",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4FC3A1",
            Secondary = "#8AB4F8",
            AppbarBackground = "#12261F",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
