using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Web.Features.Exposure;

/// <summary>The states the endpoint list filters by: a check's outcome, or no check yet, or no authorization.</summary>
public enum EndpointState
{
    Exposed = ExposureOutcome.Exposed,
    AuthRequired = ExposureOutcome.AuthRequired,
    Unreachable = ExposureOutcome.Unreachable,
    NotKafka = ExposureOutcome.NotKafka,
    TargetRefused = ExposureOutcome.TargetRefused,
    NeverChecked = 100,
    NotAuthorized = 101,
}

/// <summary>The list's filters, as the page keeps them in its address.</summary>
public sealed record EndpointFilter(EndpointState? State = null, string? Uf = null, string? Coop = null, int? CoopId = null);

/// <summary>One declared endpoint with its authorization and last check, as the list and the co-op page show it.</summary>
public sealed record EndpointRow(
    int Id, int CoopId, string CoopCode, string CoopName, string Uf, string Host, int Port, BrokerKind Kind,
    DateTime DeclaredAtUtc, string DeclaredBy, DateTime? AuthorizedAtUtc, string? AuthorizedBy,
    DateTime? LastCheckedAtUtc, ExposureOutcome? LastOutcome, CheckDetail? LastDetail, int? LastTopicCount,
    DateTime? CheckClaimedAtUtc, int? OpenTaskId, int Version)
{
    public string Address => EndpointAddress.Format(Host, Port);

    public bool IsAuthorized => AuthorizedAtUtc is not null;
}

public sealed record EndpointPage(IReadOnlyList<EndpointRow> Rows, int Total);

/// <summary>One check as the history shows it.</summary>
public sealed record CheckRow(
    int Id, DateTime CheckedAtUtc, int DurationMs, ExposureOutcome Outcome, CheckDetail Detail, string? ContactedAddress,
    int? TopicCount, IReadOnlyList<string> TopicNames, int? RunId);

public sealed record EndpointHistory(EndpointRow Endpoint, IReadOnlyList<CheckRow> Checks);

/// <summary>The dashboard card's three figures (a liaison's: their own co-op's).</summary>
public sealed record ExposureCounts(int ExposedNow, int CheckedLast24Hours, int WithoutAuthorization, int Endpoints);

/// <summary>A run as officers follow it.</summary>
public sealed record RunView(
    int Id, RunTrigger Trigger, RunTarget Target, string TargetLabel, DateTime StartedAtUtc, DateTime? FinishedAtUtc, string StartedBy,
    RunState State, int Planned, int Checked, int Exposed, int SkippedRecent, int Unauthorized, bool CancelRequested);

/// <summary>A declaration as typed: the co-op, the address, the kind, and whether the co-op authorizes the check right away.</summary>
public sealed record EndpointDeclaration(int CoopId, string? Host, int? Port, BrokerKind Kind = BrokerKind.Kafka, bool Authorize = false);

/// <summary>An endpoint as a refused stale write found it: its id and the version it now has.</summary>
public sealed record EndpointVersion(int Id, int Version);

public static class EndpointField
{
    public const string Coop = "Coop";
    public const string Host = "Host";
    public const string Port = "Port";
    public const string Kind = "Kind";

    public const string Duplicate = "Duplicate";
}

/// <summary>When an endpoint checked less than an hour ago may be checked again (a refused run's current state).</summary>
public sealed record NextCheck(DateTime NextAllowedUtc);

/// <summary>The stable codes of a run that was not started.</summary>
public static class RunRefusal
{
    /// <summary>The endpoint lacks its co-op's authorization to be checked.</summary>
    public const string NotAuthorized = "NotAuthorized";

    /// <summary>The endpoint was checked less than an hour ago (the conflict carries <see cref="NextCheck"/>).</summary>
    public const string TooSoon = "TooSoon";

    /// <summary>Nothing of the target is authorized and due.</summary>
    public const string NothingDue = "NothingDue";

    /// <summary>The run asked to stop has already ended.</summary>
    public const string NotRunning = "NotRunning";
}
