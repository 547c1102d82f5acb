using MudBlazor;

namespace IncidentDesk.Web.Layout;

/// <summary>
/// The one place the product's colours and type live. Every colour the pages use meets WCAG 2.1 AA in both themes: text
/// 4.5:1 against the page, the cards and its own 8–12 % tint (text chips and alerts sit on one), the text on a filled
/// colour 4.5:1 against it, and the outline of a field 3:1. The stock MudBlazor colours do not (its green on white is
/// 2.2:1); these are the same hues, deeper in the light theme and lighter in the dark one, with dark text on the dark
/// theme's filled colours. The accessibility gate in the browser tests measures every screen in both themes.
/// </summary>
internal static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B5D4B",
            Secondary = "#33649C",
            Tertiary = "#5B4A8B",
            Info = "#1A5F9E",
            Success = "#27703A",
            Warning = "#8F5400",
            Error = "#B3261E",
            AppbarBackground = "#0B5D4B",
            Background = "#F6F7F9",
            TextSecondary = "#56616B",
            LinesInputs = "rgba(0,0,0,0.5)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5FD0AE",
            PrimaryContrastText = "#10241D",
            Secondary = "#9DC1FA",
            SecondaryContrastText = "#1B1B1F",
            Tertiary = "#C3B5F5",
            TertiaryContrastText = "#1B1B1F",
            Info = "#8DC4F7",
            InfoContrastText = "#1B1B1F",
            Success = "#6FD49A",
            SuccessContrastText = "#1B1B1F",
            Warning = "#F2BD6B",
            WarningContrastText = "#1B1B1F",
            Error = "#FF9C93",
            ErrorContrastText = "#1B1B1F",
            AppbarBackground = "#12261F",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.70)",
            DrawerText = "rgba(255,255,255,0.87)",
            LinesInputs = "rgba(255,255,255,0.5)",
            // MudBlazor's dark stripe and hover (20 % white) took links in a table row below 3.5:1.
            TableStriped = "rgba(255,255,255,0.04)",
            TableHover = "rgba(255,255,255,0.08)",
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
