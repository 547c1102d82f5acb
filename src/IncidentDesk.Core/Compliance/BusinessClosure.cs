namespace IncidentDesk.Core.Compliance;

/// <summary>
/// A day an officer declared the authority's offices closed beyond the national calendar (e.g. a local holiday at the
/// ANPD's seat, an early closure ordered by decree). It stops the clock only in the latest-defensible mode: whether such
/// days suspend a legal deadline is unsettled, so the working deadline never moves for them (R1 art. 8; Lei 9.784/1999 art. 66 §1).
/// </summary>
public sealed class BusinessClosure
{
    public const int ReasonMax = 200;

    public int Id { get; set; }

    /// <summary>The Brasília calendar day that is closed.</summary>
    public DateOnly Date { get; set; }

    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public Closure ToClosure() => new(Date, Reason);
}
