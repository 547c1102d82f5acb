using System.Globalization;
using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Web.Features.Notifications.Export;

/// <summary>The file formats a draft version is downloaded in (URL segment: md, docx, pdf).</summary>
public enum DraftFileFormat
{
    Md = 0,
    Docx = 1,
    Pdf = 2,
}

/// <summary>What names and titles an exported draft: incident reference, co-op code, kind and version.</summary>
public sealed record DraftFileInfo(string Reference, string CoopCode, string CoopName, DraftKind Kind, int Version, string Title);

/// <summary>An exported draft, ready to send.</summary>
public sealed record DraftFile(byte[] Content, string ContentType, string FileName);

/// <summary>Turns a draft's Markdown into the file a controller co-op sends or keeps.</summary>
public static class DraftExport
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(DraftFileInfo info, DraftFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(info);
        var version = info.Version.ToString(CultureInfo.InvariantCulture);
        return $"{info.Reference}_{info.CoopCode}_{info.Kind}_v{version}.{format.ToString().ToLowerInvariant()}";
    }

    public static DraftFile Render(DraftFileInfo info, string markdown, DraftFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(markdown);
        return format switch
        {
            DraftFileFormat.Md => new(System.Text.Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", FileName(info, format)),
            DraftFileFormat.Docx => new(DraftDocx.Write(info, DraftBlocks.Parse(markdown)), DocxType, FileName(info, format)),
            DraftFileFormat.Pdf => new(DraftPdf.Write(info, DraftBlocks.Parse(markdown), FileName(info, format)), "application/pdf", FileName(info, format)),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }
}
