using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Web.Features.Incidents.Intake;

/// <summary>A moment as entered in Brasília time, known only as precisely as the report says.</summary>
public sealed record PartialDateInput(int Year, int Month, int? Day, TimeOnly? Time, TimePrecision Precision);

/// <summary>What an officer types when a report comes in. Times are Brasília wall-clock times.</summary>
public sealed class IncidentDraft
{
    public ReportSource Source { get; set; } = ReportSource.SecurityResearcher;
    public string? ReporterName { get; set; }
    public string? ReporterOrganisation { get; set; }
    public string? ReporterContact { get; set; }

    /// <summary>When the report reached the federation (Brasília time); required.</summary>
    public DateTime? ReportedAtLocal { get; set; }

    /// <summary>When the problem was discovered; null when nobody knows yet.</summary>
    public PartialDateInput? DiscoveredAt { get; set; }

    /// <summary>When the federation learned personal data was affected (Brasília time); defaults to the report time.</summary>
    public DateTime? KnowledgeAtLocal { get; set; }

    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? AffectedSystems { get; set; }
    public DataCategories DataCategories { get; set; }
    public DataSubjectCategories DataSubjectCategories { get; set; }
    public IncidentSeverity Severity { get; set; } = IncidentSeverity.Medium;

    /// <summary>The kind of incident (R15 art. 6 §2 XI); null keeps what is recorded (an API replace that omits it).</summary>
    public IncidentType? Type { get; set; }

    /// <summary>Confidentiality / integrity / availability / authenticity (R15 art. 3 XII); null keeps what is recorded.</summary>
    public CiaImpact? Impact { get; set; }

    /// <summary>Security measures in place before the incident (R15 art. 6 §2 III); null keeps what is recorded, "" clears it.</summary>
    public string? MeasuresBefore { get; set; }
}

/// <summary>Names of the draft's fields, as error keys.</summary>
public static class IntakeField
{
    public const string Title = nameof(IncidentDraft.Title);
    public const string Summary = nameof(IncidentDraft.Summary);
    public const string ReporterName = nameof(IncidentDraft.ReporterName);
    public const string ReporterOrganisation = nameof(IncidentDraft.ReporterOrganisation);
    public const string ReporterContact = nameof(IncidentDraft.ReporterContact);
    public const string AffectedSystems = nameof(IncidentDraft.AffectedSystems);
    public const string ReportedAt = "ReportedAt";
    public const string DiscoveredAt = "DiscoveredAt";
    public const string KnowledgeAt = "KnowledgeAt";
    public const string Source = nameof(IncidentDraft.Source);
    public const string Severity = nameof(IncidentDraft.Severity);
    public const string Type = nameof(IncidentDraft.Type);
    public const string MeasuresBefore = nameof(IncidentDraft.MeasuresBefore);
}

/// <summary>Why a field was refused; the page words each in the user's language (IntakeResource "Error.{code}").</summary>
public static class IntakeError
{
    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string InFuture = "InFuture";
    public const string AfterReported = "AfterReported";
    public const string InvalidDate = "InvalidDate";
    public const string Unknown = "Unknown";
}

/// <summary>A newly registered incident: its id and its reference (INC-yyyy-nnnn).</summary>
public sealed record RegisteredIncident(int Id, string Reference);

/// <summary>
/// Texts written into the record itself (automatic timeline events). They are kept in Brazilian Portuguese,
/// the record's language, whatever the language of the person acting: the timeline is what the ANPD reads.
/// </summary>
public static class IncidentRecordText
{
    public const string Registered = "Incidente registrado";

    public static string RegisteredDescription(string reference, ReportSource source) =>
        $"Registrado como {reference} a partir de relato de origem \"{SourceName(source)}\".";

    public const string Updated = "Dados do incidente alterados";

    public static string UpdatedDescription(IReadOnlyList<string> fields) => $"Campos alterados: {string.Join(", ", fields)}.";

    /// <summary>The pt-BR names of the fields that differ between two versions of an incident's details, in form order.</summary>
    public static IReadOnlyList<string> ChangedFields(IncidentDraft before, IncidentDraft after) =>
        [.. IncidentDraftFields.Changed(before, after).Select(f => f.RecordName)];

    public static string StatusChanged(IncidentStatus from, IncidentStatus to) =>
        $"Situação alterada: {StatusName(from)} → {StatusName(to)}";

    public static string StatusName(IncidentStatus status) => status switch
    {
        IncidentStatus.Reported => "Relatado",
        IncidentStatus.Triage => "Triagem",
        IncidentStatus.Investigating => "Em investigação",
        IncidentStatus.Contained => "Contido",
        IncidentStatus.Notifying => "Notificando",
        IncidentStatus.Closed => "Encerrado",
        IncidentStatus.Dismissed => "Descartado",
        _ => status.ToString(),
    };

    public static string SourceName(ReportSource source) => source switch
    {
        ReportSource.SecurityResearcher => "Pesquisador de segurança",
        ReportSource.Press => "Imprensa",
        ReportSource.InternalDetection => "Detecção interna",
        ReportSource.OperatorNotice => "Aviso de operador/fornecedor",
        ReportSource.DataSubjectComplaint => "Reclamação de titular",
        ReportSource.RegulatorInquiry => "Ofício da ANPD",
        _ => "Outra",
    };
}
