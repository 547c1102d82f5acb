namespace IncidentDesk.Web.Features.Campaigns.Overdue;

/// <summary>Someone to chase about late tasks: a co-op's liaison (no phone on file) or its encarregado.</summary>
public sealed record CoopContact(string Name, string Email, string? Phone = null);

/// <summary>A co-op with tasks past due and unfinished in one campaign, and whom to contact about them.</summary>
public sealed record OverdueCoop(
    int CoopId, string CoopCode, string CoopName, string Uf, int OverdueTasks, DateTime OldestDueAtUtc,
    CoopContact Encarregado, IReadOnlyList<CoopContact> Liaisons);

/// <summary>
/// A campaign's overdue co-ops, most late tasks first, then the longest late; officers and auditors only (a liaison is
/// never shown other co-ops' contacts).
/// </summary>
public sealed record OverdueList(int CampaignId, int IncidentId, string CampaignTitle, IReadOnlyList<OverdueCoop> Coops)
{
    /// <summary>Every liaison's and encarregado's address once, for one e-mail to all of them.</summary>
    public IReadOnlyList<string> AllEmails =>
    [
        .. Coops.SelectMany(c => c.Liaisons.Select(l => l.Email).Append(c.Encarregado.Email))
            .Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase),
    ];
}
