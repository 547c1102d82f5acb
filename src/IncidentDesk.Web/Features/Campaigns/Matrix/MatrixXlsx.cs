using IncidentDesk.Core.Common;
using System.Globalization;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

using IncidentDesk.Core.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Layout;

using MudBlazor.Utilities;

namespace IncidentDesk.Web.Features.Campaigns.Matrix;

/// <summary>
/// The matrix as a real workbook. Every text cell is an inline string, never a formula, so nothing a liaison typed can
/// run when the file is opened; dates are real dates; status cells carry the matrix's colours (taken from the app's
/// theme through <see cref="TaskBadges"/>, so the file and the screen cannot drift apart).
/// </summary>
public static class MatrixXlsx
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint FirstStatusStyle = 3;
    private const uint DateFormatId = 164;

    private static readonly CoopTaskStatus[] Statuses = Enum.GetValues<CoopTaskStatus>();

    public static byte[] Write(MatrixSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Worksheet(sheet);
            workbookPart.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = "Matriz",
            }));
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(MatrixSheet sheet)
    {
        var lastColumn = ColumnName(sheet.Columns.Count);
        // Header frozen: 340 rows scroll under it; the co-op code stays readable too (first column frozen).
        var view = new SheetView { WorkbookViewId = 0, TabSelected = true };
        view.Append(new Pane
        {
            HorizontalSplit = 1, VerticalSplit = 1, TopLeftCell = "B2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen,
        });
        var columns = new Columns(sheet.Columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true,
        }));
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        header.Append(sheet.Columns.Select((c, i) => Text(Reference(i, 1), c.Header, HeaderStyle)));
        data.Append(header);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            row.Append(sheet.Rows[r].Select((cell, i) => Cell(Reference(i, rowIndex), cell)));
            data.Append(row);
        }

        return new Worksheet(
            new SheetViews(view),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            data,
            new AutoFilter { Reference = $"A1:{lastColumn}{sheet.Rows.Count + 1}" });
    }

    private static Cell Cell(string reference, SheetCell cell) => cell switch
    {
        { Number: { } number } => new Cell
        {
            CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number),
        },
        { Date: { } date } => new Cell
        {
            CellReference = reference, StyleIndex = DateStyle,
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        { Status: { } status } => Text(reference, cell.Text, FirstStatusStyle + (uint)Array.IndexOf(Statuses, status)),
        _ => Text(reference, cell.Text, 0),
    };

    private static Cell Text(string reference, string text, uint style) => new()
    {
        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
        InlineString = new InlineString(new Text(XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }));
        // Fills 0 and 1 are reserved by the format (none, gray125).
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true });
        foreach (var status in Statuses)
        {
            var (background, text) = Colours(status);
            fonts.Append(new Font(new Bold(), new Color { Rgb = text }, new FontSize { Val = 11 }, new FontName { Val = "Calibri" }));
            fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = background }) { PatternType = PatternValues.Solid }));
            formats.Append(new CellFormat { FontId = (uint)fonts.ChildElements.Count - 1, FillId = (uint)fills.ChildElements.Count - 1, ApplyFont = true, ApplyFill = true });
        }

        fonts.Count = (uint)fonts.ChildElements.Count;
        fills.Count = (uint)fills.ChildElements.Count;
        formats.Count = (uint)formats.ChildElements.Count;
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            fonts, fills,
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            formats);
    }

    /// <summary>The light theme's colour of the status's badge and its contrast text, as ARGB hex.</summary>
    internal static (string Background, string Text) Colours(CoopTaskStatus status)
    {
        var palette = AppTheme.Theme.PaletteLight;
        var (background, text) = TaskBadges.For(status) switch
        {
            MudBlazor.Color.Info => (palette.Info, palette.InfoContrastText),
            MudBlazor.Color.Warning => (palette.Warning, palette.WarningContrastText),
            MudBlazor.Color.Success => (palette.Success, palette.SuccessContrastText),
            MudBlazor.Color.Secondary => (palette.Secondary, palette.SecondaryContrastText),
            MudBlazor.Color.Dark => (palette.BackgroundGray, palette.TextSecondary),
            _ => (palette.ActionDisabledBackground, palette.TextPrimary),
        };
        return (Argb(background), Argb(text));
    }

    // Translucent theme colours (the "open" grey) are flattened onto white paper, as the screen shows them.
    private static string Argb(MudColor colour)
    {
        byte Blend(byte channel) => (byte)Math.Round(255 - ((255 - channel) * colour.A / 255.0));
        return string.Create(CultureInfo.InvariantCulture, $"FF{Blend(colour.R):X2}{Blend(colour.G):X2}{Blend(colour.B):X2}");
    }

    private static string Reference(int columnIndex, uint row) => string.Create(CultureInfo.InvariantCulture, $"{ColumnName(columnIndex + 1)}{row}");

    /// <summary>1 → A, 27 → AA.</summary>
    internal static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            name = (char)('A' + remainder) + name;
            number = (number - 1) / 26;
        }

        return name;
    }
}
