using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace IncidentDesk.Web.Features.Notifications.Export;

/// <summary>
/// The styles and bullet numbering of an exported draft: real Heading 1–3 styles (so Word's navigation pane and
/// table of contents see the ANPD form's sections) and pt-BR as the document language (so the spelling checker
/// and screen readers treat the text as Portuguese).
/// </summary>
internal static class DraftDocxStyles
{
    public const string Language = "pt-BR";
    public const string Font = "Calibri";
    public const int BulletNumberingId = 1;
    public const int OrderedNumberingId = 2;

    public static Styles Styles()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "22" },
                new Languages { Val = Language, EastAsia = Language, Bidi = Language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto })));
        var styles = new Styles(defaults);
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(Heading(1, 32), Heading(2, 26), Heading(3, 23));
        styles.Append(new Style(
            new StyleName { Val = "List Paragraph" }, new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new Indentation { Left = "720" }, new SpacingBetweenLines { After = "60" }))
        { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        styles.Append(new Style(
            new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }

    private static Style Heading(int level, int halfPoints) => new(
        new StyleName { Val = $"heading {level}" },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new SpacingBetweenLines { Before = level == 1 ? "240" : "200", After = "80" },
            new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
    {
        Type = StyleValues.Paragraph,
        StyleId = $"Heading{level}",
    };

    public static Numbering Numbering()
    {
        var bullets = new AbstractNum(Levels(level => new Level(
            new NumberingFormat { Val = NumberFormatValues.Bullet },
            new LevelText { Val = level % 2 == 0 ? "•" : "◦" },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = Indent(level), Hanging = "360" }))
        { LevelIndex = level }))
        { AbstractNumberId = BulletNumberingId };
        var ordered = new AbstractNum(Levels(level => new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = NumberFormatValues.Decimal },
            new LevelText { Val = $"%{level + 1}." },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = Indent(level), Hanging = "360" }))
        { LevelIndex = level }))
        { AbstractNumberId = OrderedNumberingId };
        return new Numbering(
            bullets, ordered,
            new NumberingInstance(new AbstractNumId { Val = BulletNumberingId }) { NumberID = BulletNumberingId },
            new NumberingInstance(new AbstractNumId { Val = OrderedNumberingId }) { NumberID = OrderedNumberingId });
    }

    private static IEnumerable<OpenXmlElement> Levels(Func<int, Level> level) => Enumerable.Range(0, 3).Select(level);

    private static string Indent(int level) => (720 * (level + 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
