using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Web.Components;

namespace IncidentDesk.Web.Features.Incidents.Timeline;

/// <summary>
/// The timeline as files for the regulator's incident handling report: a chronological, sourced record. The CSV is
/// for Brazilian Excel (UTF-8 with BOM, ";"), its cells can never run as formulas; the JSON is for machines (UTC ISO
/// times, enums by name). Both are written in pt-BR, the record's language, whatever the reader's UI language.
/// </summary>
public static class TimelineExport
{
    public const string CsvContentType = CsvText.ContentType;
    public const string JsonContentType = "application/json; charset=utf-8";

    private static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // Accents stay readable; <, >, &, ' and " are still escaped, so the file is inert wherever it is opened.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly string[] Header =
    [
        "Ocorrido em (Brasília)", "Ocorrido em (UTC, ISO 8601)", "Precisão", "Tipo", "Título", "Descrição", "Fonte",
        "Visibilidade", "Registrado por", "Registrado em (UTC, ISO 8601)", "Editado por", "Editado em (UTC, ISO 8601)",
    ];

    /// <summary>"INC-2026-0001-linha-do-tempo.csv": the reference keeps files of different incidents apart.</summary>
    public static string FileName(string reference, string extension) =>
        $"{CsvText.SafeFileNamePart(reference)}-linha-do-tempo.{extension}";

    public static byte[] Csv(TimelineListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var text = new StringBuilder();
        CsvText.AppendRow(text, Header);
        foreach (var e in listing.Items)
        {
            CsvText.AppendRow(text,
            [
                BrasiliaTime.Format(e.OccurredAtUtc, e.Precision, PtBr), Iso(e.OccurredAtUtc), PrecisionLabel(e.Precision),
                KindLabel(e.Kind), e.Title, e.Description ?? "", e.Source, VisibilityLabel(e.SharedWithCoops), e.RecordedBy,
                Iso(e.RecordedAtUtc), e.EditedBy ?? "", e.EditedAtUtc is { } edited ? Iso(edited) : "",
            ]);
        }

        return CsvText.Utf8WithBom(text);
    }

    public static byte[] JsonFile(TimelineListing listing, DateTime exportedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var document = new TimelineJson(listing.Reference, listing.IncidentTitle, Utc(exportedAtUtc),
            [.. listing.Items.Select(e => new TimelineJsonEvent(e.Id, Utc(e.OccurredAtUtc), e.Precision, e.Kind, e.Title,
                e.Description, e.Source, e.SharedWithCoops ? "SharedWithCoops" : "OfficersOnly", e.RecordedBy, Utc(e.RecordedAtUtc),
                e.EditedBy, e.EditedAtUtc is { } edited ? Utc(edited) : null))]);
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    public static string KindLabel(TimelineEventKind kind) => kind switch
    {
        TimelineEventKind.Fact => "Fato",
        TimelineEventKind.Action => "Ação da equipe",
        TimelineEventKind.Record => "Registro do incidente",
        TimelineEventKind.Status => "Mudança de situação",
        TimelineEventKind.Involvement => "Cooperativas envolvidas",
        TimelineEventKind.Figure => "Números-chave",
        TimelineEventKind.Evidence => "Evidência",
        TimelineEventKind.Task => "Tarefa",
        TimelineEventKind.Notification => "Comunicação",
        _ => kind.ToString(),
    };

    private static string PrecisionLabel(TimePrecision precision) => precision switch
    {
        TimePrecision.Exact => "Exata",
        TimePrecision.Day => "Dia",
        TimePrecision.Month => "Mês",
        _ => precision.ToString(),
    };

    private static string VisibilityLabel(bool shared) => shared ? "Compartilhado com as cooperativas" : "Somente encarregados";

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static string Iso(DateTime value) => Utc(value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record TimelineJson(string Reference, string IncidentTitle, DateTime ExportedAtUtc, IReadOnlyList<TimelineJsonEvent> Events);

    private sealed record TimelineJsonEvent(
        int Id, DateTime OccurredAtUtc, TimePrecision Precision, TimelineEventKind Kind, string Title, string? Description, string Source,
        string Visibility, string RecordedBy, DateTime RecordedAtUtc, string? EditedBy, DateTime? EditedAtUtc);
}
