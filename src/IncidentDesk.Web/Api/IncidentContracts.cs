using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;

namespace IncidentDesk.Web.Api;

/// <summary>
/// An incident's details, for creating one (POST) and for replacing its details (PUT; reference and status never
/// change that way). Exact moments carry their offset; <see cref="DiscoveredAt"/> is a Brasília calendar date
/// known to the month, the day or the minute. Every field is nullable so that a missing one is answered with a
/// field message, not a parse error. The classification (type, impact, measures before) is kept as recorded when omitted.
/// </summary>
public sealed record IncidentInput(
    string? Title,
    string? Summary,
    ReportSource? Source,
    IncidentSeverity? Severity,
    DateTimeOffset? ReportedAt,
    string? ReporterName = null,
    string? ReporterOrganisation = null,
    string? ReporterContact = null,
    PartialDateInput? DiscoveredAt = null,
    DateTimeOffset? KnowledgeAt = null,
    string? AffectedSystems = null,
    DataCategories? DataCategories = null,
    DataSubjectCategories? DataSubjectCategories = null,
    IncidentType? Type = null,
    CiaImpact? Impact = null,
    string? MeasuresBefore = null)
{
    /// <summary>
    /// The service's draft. A missing choice becomes an undefined value, which the service refuses as "Unknown"
    /// after it has checked who is asking (a liaison hears 403, not a validation message).
    /// </summary>
    public IncidentFormModel ToFormModel() => new()
    {
        Title = Title ?? "",
        Summary = Summary ?? "",
        Source = Source ?? (ReportSource)(-1),
        Severity = Severity ?? (IncidentSeverity)(-1),
        ReporterName = ReporterName,
        ReporterOrganisation = ReporterOrganisation,
        ReporterContact = ReporterContact,
        ReportedAtLocal = Brasilia(ReportedAt),
        DiscoveredAt = DiscoveredAt,
        KnowledgeAtLocal = Brasilia(KnowledgeAt),
        AffectedSystems = AffectedSystems,
        DataCategories = DataCategories ?? Core.Incidents.DataCategories.None,
        DataSubjectCategories = DataSubjectCategories ?? Core.Incidents.DataSubjectCategories.None,
        Type = Type,
        Impact = Impact,
        MeasuresBefore = MeasuresBefore,
    };

    // The service takes Brasília wall-clock times, as the form does; the record keeps UTC.
    private static DateTime? Brasilia(DateTimeOffset? moment) =>
        moment is { } m ? DateTime.SpecifyKind(m.ToOffset(PartialDate.BrasiliaOffset).DateTime, DateTimeKind.Unspecified) : null;
}

/// <summary>The new incident's id and reference (also in the Location header).</summary>
public sealed record IncidentCreated(int Id, string Reference);

/// <summary>A step along the workflow; some steps (dismissing, reopening) need a reason.</summary>
public sealed record TransitionInput(IncidentStatus? To, string? Reason = null);
