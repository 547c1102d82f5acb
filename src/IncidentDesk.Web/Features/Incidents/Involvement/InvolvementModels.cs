using IncidentDesk.Core.Incidents;

namespace IncidentDesk.Web.Features.Incidents.Involvement;

/// <summary>One co-op's involvement with its id, for the officer's edit actions.</summary>
public sealed record InvolvementRow(
    int Id, int IncidentId, int CoopId, string Code, string Name, string Uf, InvolvementRole Role, DateTime KnowledgeAtUtc, string? Notes);

/// <summary>A co-op an officer can add, as the add dialog's search offers it.</summary>
public sealed record CoopOption(int Id, string Code, string Name, string Uf)
{
    public override string ToString() => $"{Code} — {Name} ({Uf})";
}

/// <summary>A federation for the bulk add, with how many active co-ops it groups.</summary>
public sealed record FederationOption(int Id, string Code, string Name, string Uf, int Coops);
