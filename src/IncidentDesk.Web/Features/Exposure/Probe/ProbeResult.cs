using IncidentDesk.Core.Exposure;

namespace IncidentDesk.Web.Features.Exposure.Probe;

/// <summary>What one check found, before it is recorded. <see cref="Topics"/> are the listed names of an exposed broker only.</summary>
public sealed record ProbeResult(
    ExposureOutcome Outcome, CheckDetail Detail, TimeSpan Duration, string? ContactedAddress, IReadOnlyList<string> Topics)
{
    public int? TopicCount => Outcome == ExposureOutcome.Exposed ? Topics.Count : null;
}
