using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Compliance;

namespace IncidentDesk.Web.Features.Coops;

/// <summary>Who the co-op is, as the detail page heads it.</summary>
public sealed record CoopIdentity(
    int Id, string Code, string Name, string Cnpj, string Uf, string City, string FederationCode, string FederationName,
    string EncarregadoName, string EncarregadoEmail, string EncarregadoPhone, bool IsSmallProcessingAgent, bool IsActive);

/// <summary>A person who acts for the co-op on the desk.</summary>
public sealed record CoopLiaison(string Name, string Email, bool TwoFactorEnrolled, bool IsActive, bool IsLockedOut);

/// <summary>An incident the co-op is part of, with its own clock's start (LGPD art. 48).</summary>
public sealed record CoopIncidentLink(int IncidentId, string Reference, string Title, IncidentStatus Status, InvolvementRole Role, DateTime KnowledgeAtUtc)
{
    /// <summary>As a controller of an open incident: its most urgent LGPD deadline not yet filed (R15 arts. 6 and 9).</summary>
    public DeadlineView? NextDeadline { get; init; }
}

/// <summary>A campaign task the co-op still has to answer.</summary>
public sealed record CoopOpenTask(int Id, int IncidentId, string IncidentReference, string Campaign, string Title, CoopTaskStatus Status, DateTime DueAtUtc, bool IsOverdue);

/// <summary>Everything the co-op detail page shows.</summary>
public sealed record CoopProfile(
    CoopIdentity Identity, IReadOnlyList<CoopLiaison> Liaisons, IReadOnlyList<CoopIncidentLink> Incidents, IReadOnlyList<CoopOpenTask> OpenTasks)
{
    public int OverdueCount => OpenTasks.Count(t => t.IsOverdue);
}
