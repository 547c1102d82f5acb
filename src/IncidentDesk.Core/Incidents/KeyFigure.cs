namespace IncidentDesk.Core.Incidents;

/// <summary>
/// A number about an incident together with its provenance. Sources disagree (researchers vs. the
/// co-op system), so a figure is never just a value: it says who claims it, as of when, and how sure.
/// </summary>
public sealed class KeyFigure
{
    public int Id { get; set; }
    public int IncidentId { get; set; }
    public required string Label { get; set; }
    public decimal Value { get; set; }
    public required string Unit { get; set; }
    public FigureStatus Status { get; set; }
    public required string Source { get; set; }
    public DateOnly AsOf { get; set; }
    public string? Note { get; set; }
    public int SortOrder { get; set; }
}
