namespace IncidentDesk.Web.Features.Exposure;

/// <summary>The <c>IncidentDesk:ExposureWatch</c> configuration section.</summary>
public sealed class ExposureWatchOptions
{
    public const string Section = "IncidentDesk:ExposureWatch";

    /// <summary>
    /// Whether checks may reach loopback, link-local and private addresses. Off in production: a declaration is text any
    /// liaison types, and must not steer the desk into the federation's own network. The tests turn it on (they run their
    /// brokers on loopback).
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long a name may take to resolve.</summary>
    public TimeSpan ResolveTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a TCP connection may take to open.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long each of the two answers may take once asked.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks in flight at once on one instance, across every run: the bound of a run of 680 endpoints.</summary>
    public int MaxConcurrentChecks { get; set; } = 16;

    /// <summary>A run still going after this long is cancelled; what it checked stays recorded.</summary>
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public ExposureScheduleOptions Schedule { get; set; } = new();
}

/// <summary>When the scheduled run happens (<c>IncidentDesk:ExposureWatch:Schedule</c>).</summary>
public sealed class ExposureScheduleOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The period between runs: daily by default.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The time of day, in Brasília, that slots are aligned on.</summary>
    public TimeOnly At { get; set; } = new(3, 0);

    /// <summary>How often an instance looks whether the current slot has run.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMinutes(1);
}
