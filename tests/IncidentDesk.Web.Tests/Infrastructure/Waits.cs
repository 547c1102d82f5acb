namespace IncidentDesk.Web.Tests.Infrastructure;

/// <summary>How long a component test waits for what it expects to render.</summary>
internal static class Waits
{
    /// <summary>
    /// An upper bound, not a pause: a wait ends as soon as its condition holds. Generous because this suite runs beside the
    /// browser and integration suites on two cores, where a render that takes milliseconds alone can take seconds.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
}
